using Attestation.Web.Documents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Attestation.Web.Tests.Documents;

/// <summary>
/// The portal's document services as <see cref="DocumentsSetup"/> registers them, on Debian's Chromium
/// (CHROMIUM_PATH), with one browser shared by the tests of a class like the portal shares it between requests.
/// </summary>
public sealed class PdfRendererFixture : IAsyncLifetime
{
    private readonly ServiceProvider _services;

    public PdfRendererFixture()
    {
        _services = BuildServices(new Dictionary<string, string?> { ["Pdf:ChromiumPath"] = ChromiumPath });
    }

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    /// <summary>Where the tests leave the PDFs they made, for a person to look at.</summary>
    public static string ArtifactDirectory => Path.Combine(
        Environment.GetEnvironmentVariable("ARTIFACTS_DIR") ?? Path.Combine(Path.GetTempPath(), "attestation-artifacts"),
        "documents");

    public ChromiumPdfRenderer Renderer => (ChromiumPdfRenderer)_services.GetRequiredService<IPdfRenderer>();

    public static ServiceProvider BuildServices(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddPortalDocuments(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public async Task<byte[]> RenderAsync<TTemplate>(IDictionary<string, object?> parameters, PdfPageOptions options)
        where TTemplate : Microsoft.AspNetCore.Components.IComponent
    {
        await using var scope = _services.CreateAsyncScope();
        var documents = scope.ServiceProvider.GetRequiredService<IDocumentRenderer>();
        return await documents.RenderPdfAsync<TTemplate>(parameters, options, CancellationToken.None);
    }

    public async Task<string> RenderHtmlAsync<TTemplate>(IDictionary<string, object?> parameters)
        where TTemplate : Microsoft.AspNetCore.Components.IComponent
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDocumentRenderer>().RenderHtmlAsync<TTemplate>(parameters);
    }

    public static async Task SaveArtifactAsync(string name, byte[] pdf)
    {
        Directory.CreateDirectory(ArtifactDirectory);
        await File.WriteAllBytesAsync(Path.Combine(ArtifactDirectory, name), pdf);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _services.DisposeAsync();
}
