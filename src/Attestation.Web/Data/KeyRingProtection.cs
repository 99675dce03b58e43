using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace Attestation.Web.Data;

/// <summary>
/// The certificate that encrypts the data-protection key ring at rest (section <c>DataProtection</c>): the keys that
/// sign every session and antiforgery token are stored in PostgreSQL, and whoever reads a backup must not be able to
/// forge a sign-in from them.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with the certificate and its private key, relative to the data folder.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Make a self-signed certificate at <see cref="CertificatePath"/> when there is none (the start script, Development,
    /// the migration step of several instances). A real installation keeps its certificate out of the data folder's
    /// backups.
    /// </summary>
    public bool CreateCertificate { get; set; }

    /// <summary>Certificates replaced by a newer one: keys they encrypted stay readable.</summary>
    public IList<string> PreviousCertificatePaths { get; } = [];
}

/// <summary>The key ring's certificates, loaded (or made) once at start-up.</summary>
public sealed class KeyRingCertificates : IDisposable
{
    private readonly List<X509Certificate2> _previous = [];

    /// <summary>Loads (or makes) the certificates; throws when the configuration cannot protect the keys.</summary>
    public KeyRingCertificates(KeyRingOptions settings, string dataDirectory, IHostEnvironment environment, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(time);
        if (string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            if (IsRequired(environment))
            {
                throw new InvalidOperationException(
                    "The data-protection key ring must be encrypted outside Development: set DataProtection__CertificatePath " +
                    "to a .pfx certificate with its private key (and DataProtection__CertificatePassword), or " +
                    "DataProtection__CreateCertificate=true to make one there.");
            }
            return;
        }
        var path = Path.GetFullPath(settings.CertificatePath, dataDirectory);
        if (!File.Exists(path))
        {
            if (!settings.CreateCertificate)
                throw new InvalidOperationException($"The data-protection certificate {path} (DataProtection__CertificatePath) does not exist.");
            Create(path, settings.CertificatePassword, time.GetUtcNow());
        }
        Current = Load(path, settings.CertificatePassword);
        foreach (var previous in settings.PreviousCertificatePaths)
            _previous.Add(Load(Path.GetFullPath(previous, dataDirectory), settings.CertificatePassword));
    }

    /// <summary>Encrypts new keys; null in Development and the tests when none is configured (keys stored plain).</summary>
    public X509Certificate2? Current { get; }

    /// <summary>Every certificate that may have encrypted a stored key.</summary>
    public IEnumerable<X509Certificate2> All => Current is null ? _previous : [Current, .. _previous];

    public static bool IsRequired(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return !environment.IsDevelopment() && !environment.IsEnvironment("Testing");
    }

    public void Dispose()
    {
        Current?.Dispose();
        foreach (var certificate in _previous)
            certificate.Dispose();
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"The data-protection certificate {path} has no private key: stored keys could not be read.");
        }
        return certificate;
    }

    /// <summary>
    /// A self-signed RSA certificate for key encipherment, written whole or not at all: instances started together on
    /// one data folder keep the one written first.
    /// </summary>
    private static void Create(string path, string? password, DateTimeOffset now)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Аттестация: ключи защиты данных", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(30));
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(temporary, options))
            file.Write(certificate.Export(X509ContentType.Pkcs12, password));
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}

public static class KeyRingProtection
{
    /// <summary>
    /// New keys encrypted with the current certificate, stored keys read with any configured one. The certificates are
    /// loaded (or made) here, at start-up: a missing one stops the portal before it serves anything.
    /// </summary>
    public static IDataProtectionBuilder ProtectKeysAtRest(this IDataProtectionBuilder builder, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var settings = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var certificates = new KeyRingCertificates(settings, storage.ResolveDataDirectory(environment.ContentRootPath), environment, TimeProvider.System);
        builder.Services.AddSingleton(certificates);
        if (certificates.Current is { } current)
        {
            builder.ProtectKeysWithCertificate(current);
            // On Linux the decryptor finds a certificate in a store only, unless it is given here.
            builder.UnprotectKeysWithAnyCertificate([.. certificates.All]);
        }
        return builder;
    }
}
