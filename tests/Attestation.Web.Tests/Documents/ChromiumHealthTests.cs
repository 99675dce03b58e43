using System.Net;
using Attestation.Testing;
using Attestation.Web.Documents;
using Attestation.Web.Documents.Templates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Attestation.Web.Tests.Documents;

/// <summary>The portal with the Chromium the scripts install: ready, and its own services print documents.</summary>
public sealed class ChromiumHealthTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Ready_with_Chromium_installed()
    {
        var response = await portal.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_portal_prints_the_application_form_with_its_own_services()
    {
        var bytes = await portal.WithServicesAsync(services => services.GetRequiredService<IDocumentRenderer>()
            .RenderPdfAsync<ApplicationForm>(SampleApplications.Parameters(SampleApplications.Form()), PdfPageOptions.Portrait, CancellationToken.None));

        Assert.Contains("от Пичугиной Олеси Владимировны", await PdfReading.TextAsync(bytes), StringComparison.Ordinal);
    }
}

/// <summary>The portal configured with a Chromium that is not there.</summary>
public sealed class PortalWithoutChromium : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Pdf:ChromiumPath", "/nonexistent/chromium");
    }
}

public sealed class MissingChromiumTests(PortalWithoutChromium portal) : IClassFixture<PortalWithoutChromium>
{
    [Fact]
    public async Task Ready_reports_a_missing_Chromium()
    {
        var response = await portal.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Live_stays_up_without_Chromium()
    {
        var response = await portal.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
