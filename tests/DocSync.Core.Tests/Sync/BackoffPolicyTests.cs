using CsCheck;
using DocSync.Core.Sync;
using Shouldly;

namespace DocSync.Core.Tests.Sync;

public sealed class BackoffPolicyTests
{
    private static readonly BackoffShape Export = new(TimeSpan.FromSeconds(5), TimeSpan.FromHours(1));

    [Theory]
    [InlineData(1, 0.5, 5)]
    [InlineData(2, 0.5, 15)]
    [InlineData(3, 0.5, 45)]
    [InlineData(8, 0.5, 3600)] // 5 × 3^7 = 10,935 s, held at the ceiling
    [InlineData(1, 0.0, 4)] // −20 %
    [InlineData(1, 1.0, 6)] // +20 %
    [InlineData(0, 0.5, 5)] // no failure yet reads as the first
    [InlineData(int.MaxValue, 0.5, 3600)]
    public void Delays_grow_by_the_factor_up_to_the_ceiling_spread_by_jitter(int attempts, double spread, double seconds) =>
        BackoffPolicy.Delay(Export, attempts, null, spread).TotalSeconds.ShouldBe(seconds, 0.001);

    [Fact]
    public void Never_sooner_than_Dropbox_asked()
    {
        BackoffPolicy.Delay(Export, 1, TimeSpan.FromSeconds(30), 0.5).ShouldBe(TimeSpan.FromSeconds(30));
        BackoffPolicy.Delay(Export, 3, TimeSpan.FromSeconds(30), 0.5).ShouldBe(TimeSpan.FromSeconds(45), "a longer backoff stays");
    }

    [Fact]
    public void Property_every_delay_is_within_the_jittered_bounds_and_honours_Retry_After()
    {
        var shapes = Gen.Select(Gen.Int[1, 10_000], Gen.Int[1, 100], Gen.Double[1, 4], Gen.Double[0, 1])
            .Select((firstMs, maxFactor, factor, jitter) => new BackoffShape(TimeSpan.FromMilliseconds(firstMs), TimeSpan.FromMilliseconds((long)firstMs * maxFactor), factor, jitter));
        Gen.Select(shapes, Gen.Int[-5, 200], Gen.Int[0, 100_000].Nullable(), Gen.Double[0, 1]).Sample((shape, attempts, retryAfterMs, spread) =>
        {
            TimeSpan? retryAfter = retryAfterMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null;
            var delay = BackoffPolicy.Delay(shape, attempts, retryAfter, spread);
            delay.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromTicks((long)(shape.First.Ticks * (1 - shape.Jitter)) - 1));
            if (retryAfter is { } asked)
            {
                delay.ShouldBeGreaterThanOrEqualTo(asked);
            }
            if (retryAfter is null || retryAfter < shape.Max)
            {
                delay.ShouldBeLessThanOrEqualTo(TimeSpan.FromTicks((long)(shape.Max.Ticks * (1 + shape.Jitter)) + 1));
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Property_delays_never_shrink_as_failures_add_up_for_one_draw()
    {
        Gen.Select(Gen.Int[1, 60], Gen.Double[0, 1]).Sample((attempts, spread) =>
            BackoffPolicy.Delay(Export, attempts + 1, null, spread).ShouldBeGreaterThanOrEqualTo(BackoffPolicy.Delay(Export, attempts, null, spread)), iter: 5_000);
    }

    [Fact]
    public void A_seeded_policy_replays_the_same_delays_and_jitter_spreads_them()
    {
        var a = new BackoffPolicy(Export, new Random(42));
        var b = new BackoffPolicy(Export, new Random(42));
        var first = Enumerable.Range(1, 20).Select(n => a.Delay(n)).ToList();
        first.ShouldBe(Enumerable.Range(1, 20).Select(n => b.Delay(n)).ToList());
        var spread = new BackoffPolicy(Export, new Random(7));
        Enumerable.Range(0, 50).Select(_ => spread.Delay(1)).Distinct().Count().ShouldBeGreaterThan(40, "retries of many items are spread apart");
    }

    [Fact]
    public void A_bad_shape_names_its_setting_and_what_is_wrong()
    {
        new BackoffShape(TimeSpan.Zero, TimeSpan.FromMinutes(1)).Problems("DocSync:Export:FirstRetryDelay").ShouldContain(p => p.StartsWith("DocSync:Export:FirstRetryDelay", StringComparison.Ordinal));
        new BackoffShape(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1)).Problems("X").Single().ShouldContain("longest");
        new BackoffShape(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 0.5).Problems("X").Single().ShouldContain("factor");
        new BackoffShape(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 2, 1.5).Problems("X").Single().ShouldContain("jitter");
        Export.Problems("X").ShouldBeEmpty();
    }
}
