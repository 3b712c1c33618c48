using DocSync.Core.Accounts;

namespace DocSync.Core.Tests.Accounts;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("aaaaaaaaaa", "PasswordTooShort")]
    [InlineData("1234567890", "PasswordTooShort")]
    [InlineData("short pass", "PasswordTooShort")]
    [InlineData("aaaaaaaaaaaa", "PasswordPattern")]
    [InlineData("123456789012", "PasswordCommon")]
    [InlineData("ninas own long password", "PasswordPersonal")]
    [InlineData("abababababab", "PasswordPattern")]
    [InlineData("qwertyuiop12", "PasswordCommon")]
    [InlineData("wxcvbnqsdfgh", "PasswordPattern")]
    [InlineData("azertyuiop!!", "PasswordPattern")]
    [InlineData("abcdefghijklm", "PasswordPattern")]
    [InlineData("monkeymonkeymonkey", "PasswordPattern")]
    [InlineData("password", "PasswordTooShort")]
    [InlineData("password2026!", "PasswordCommon")]
    [InlineData("Sunshine12345", "PasswordCommon")]
    [InlineData("!!iloveyou2025", "PasswordCommon")]
    [InlineData("nina.janssens-2026", "PasswordPersonal")]
    [InlineData("my dear Janssens 77", "PasswordPersonal")]
    public void Check_WeakPassword_RefusedWithItsReason(string password, string code)
    {
        var result = PasswordPolicy.Check(password, "nina.janssens@example.be", "Nina Janssens");

        result.Succeeded.ShouldBeFalse();
        result.Errors.First().Code.ShouldBe(code);
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("Brussels tram 81 at dawn")]
    [InlineData("z7#Kq!m2Vp9&")]
    public void Check_GoodPassword_Accepted(string password) =>
        PasswordPolicy.Check(password, "nina.janssens@example.be", "Nina Janssens").Succeeded.ShouldBeTrue();

    [Fact]
    public void Check_LongerThanTheBound_Refused() =>
        PasswordPolicy.Check(new string('x', 100) + "Yz 1" + new string('q', 200), null, null).Errors.Single().Code.ShouldBe("PasswordTooLong");

    [Fact]
    public void Check_ShortNamePieces_DoNotRefuseEverything() =>
        PasswordPolicy.Check("winter in ghent by bike", "jo@ex.be", "Jo Li").Succeeded.ShouldBeTrue();
}

public sealed class LockoutPolicyTests
{
    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 120)]
    [InlineData(3, 240)]
    [InlineData(6, 1920)]
    [InlineData(7, 3600)]
    [InlineData(1000, 3600)]
    [InlineData(0, 60)]
    public void Duration_DoublesThenStopsAtTheCap(int inARow, int seconds) =>
        LockoutPolicy.Duration(inARow, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1)).ShouldBe(TimeSpan.FromSeconds(seconds));
}
