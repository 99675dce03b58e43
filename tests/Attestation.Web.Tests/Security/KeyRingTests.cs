using System.Net;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Security;

/// <summary>
/// The data-protection key ring at rest: encrypted with the configured certificate, so that the keys read from the
/// database (a backup) cannot forge or read a session without the certificate; and no start outside Development
/// without one.
/// </summary>
public sealed class KeyRingTests(KeyRingTests.EncryptedKeysPortal factory) : IClassFixture<KeyRingTests.EncryptedKeysPortal>
{
    [Fact]
    public async Task The_keys_are_stored_encrypted_and_a_session_needs_the_certificate_to_be_read()
    {
        await factory.CreateUserAsync(Roles.Operator, "keys.operator");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var session = await SessionCookie.SignInAsync(client, "keys.operator");

        await using (var db = factory.OpenDb())
        {
            var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
            });
        }
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "keys", "data-protection.pfx")));

        // Another instance with the certificate reads the stored keys: the session is valid there.
        using (var withCertificate = factory.WithWebHostBuilder(_ => { }))
        using (var other = withCertificate.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }))
        using (var page = await SessionCookie.GetAsync(other, "/Operator/Applications", session))
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // Without it the same keys are unreadable: the cookie opens nothing.
        using (var withoutCertificate = factory.WithWebHostBuilder(builder => builder.UseSetting("DataProtection:CertificatePath", "")))
        using (var other = withoutCertificate.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }))
        using (var page = await SessionCookie.GetAsync(other, "/Operator/Applications", session))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/Account/Login", page.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Outside_development_the_portal_refuses_to_start_without_the_certificate()
    {
        using var production = factory.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("DataProtection:CertificatePath", "");
        });

        var refused = Assert.Throws<InvalidOperationException>(() => production.CreateClient());
        Assert.Contains("DataProtection__CertificatePath", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>The portal with a certificate made in its data folder on start, as the start script does.</summary>
    public sealed class EncryptedKeysPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("DataProtection:CertificatePath", "keys/data-protection.pfx");
            builder.UseSetting("DataProtection:CreateCertificate", "true");
        }
    }
}
