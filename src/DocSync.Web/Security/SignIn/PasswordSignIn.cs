using DocSync.Core.Accounts;
using DocSync.Core.Companies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DocSync.Web.Security.SignIn;

/// <summary>
/// Checks an e-mail and password and signs in (ASVS 5.0 V6): the same work and the same answer for
/// an unknown e-mail, a wrong password or a locked account; progressive, time-limited lockout for
/// every account (<see cref="LockoutPolicy"/>); every failure and lockout in the structured log and
/// the audit log of the person's companies.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<Person> signIn,
    UserManager<Person> users,
    IPasswordHasher<Person> hasher,
    SecurityAudit audit,
    IOptions<SignInSecurityOptions> options,
    TimeProvider time)
{
    // A hash of a random password, made once: verifying against it costs what a real check costs.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<Person>().HashPassword(
        new Person { DisplayName = "-" }, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    /// <summary>Tries to sign in; on success the sign-in cookie is set.</summary>
    /// <param name="email">The e-mail typed.</param>
    /// <param name="password">The password typed.</param>
    /// <param name="clientAddress">The client's address (for the logs).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The person signed in, or <see langword="null"/>.</returns>
    public async Task<Person?> SignInAsync(string email, string password, string? clientAddress, CancellationToken cancellationToken)
    {
        var person = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (person is null)
        {
            hasher.VerifyHashedPassword(new Person { DisplayName = "-" }, DummyHash.Value, password ?? "");
            audit.UnknownAccount(email ?? "", clientAddress);
            return null;
        }

        var wasLocked = await users.IsLockedOutAsync(person);
        if (wasLocked)
        {
            // Same work as a real check, and no count: a locked account says nothing more.
            hasher.VerifyHashedPassword(person, DummyHash.Value, password ?? "");
            await audit.RecordAsync(person.Id, SecurityActions.SignInFailed, clientAddress, cancellationToken);
            return null;
        }

        var result = await signIn.CheckPasswordSignInAsync(person, password ?? "", lockoutOnFailure: true);
        if (result.Succeeded)
        {
            if (person.ConsecutiveLockouts != 0)
            {
                person.ConsecutiveLockouts = 0;
                await users.UpdateAsync(person);
            }

            await signIn.SignInAsync(person, isPersistent: false);
            await audit.RecordAsync(person.Id, SecurityActions.SignedIn, clientAddress, cancellationToken);
            return person;
        }

        if (result.IsLockedOut)
        {
            // Identity just locked the account for its default time; make it progressive.
            person.ConsecutiveLockouts++;
            var o = options.Value;
            await users.SetLockoutEndDateAsync(person, time.GetUtcNow() + LockoutPolicy.Duration(person.ConsecutiveLockouts, o.FirstLockout, o.MaxLockout));
            await audit.RecordAsync(person.Id, SecurityActions.SignInFailed, clientAddress, cancellationToken);
            await audit.RecordAsync(person.Id, SecurityActions.LockedOut, clientAddress, cancellationToken);
            return null;
        }

        await audit.RecordAsync(person.Id, SecurityActions.SignInFailed, clientAddress, cancellationToken);
        return null;
    }
}
