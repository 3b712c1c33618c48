using DocSync.Core.Notifications;

namespace DocSync.Core.Tests.Notifications;

public sealed class NoticeDetectorTests
{
    [Fact]
    public void Keys_name_the_event_not_the_report()
    {
        var company = Guid.NewGuid();
        var connection = Guid.NewGuid();
        var morning = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var evening = morning.AddHours(12);

        // Dead letters: one per connection and UTC day, whatever the count.
        NoticeDetector.DeadLetters(company, connection, 1, morning, morning).DedupKey
            .ShouldBe(NoticeDetector.DeadLetters(company, connection, 7, evening, evening).DedupKey);
        NoticeDetector.DeadLetters(company, connection, 1, morning, morning).DedupKey
            .ShouldNotBe(NoticeDetector.DeadLetters(company, connection, 1, morning.AddDays(1), morning).DedupKey);
        NoticeDetector.DeadLetters(company, connection, 1, morning, morning).DedupKey
            .ShouldNotBe(NoticeDetector.DeadLetters(company, Guid.NewGuid(), 1, morning, morning).DedupKey);

        // A nearly full Dropbox: one per connection and month.
        NoticeDetector.NearlyFull(company, connection, 91, morning).DedupKey.ShouldBe(NoticeDetector.NearlyFull(company, connection, 95, morning.AddDays(20)).DedupKey);
        NoticeDetector.NearlyFull(company, connection, 91, morning).DedupKey.ShouldNotBe(NoticeDetector.NearlyFull(company, connection, 91, morning.AddDays(31)).DedupKey);
        NoticeDetector.NearlyFull(company, connection, 91, morning).Detail.ShouldBe("91 %");
    }
}
