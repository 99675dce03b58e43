namespace Attestation.Web.Documents;

public static class DocumentsSetup
{
    public static IServiceCollection AddPortalDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PdfOptions>()
            .Bind(configuration.GetSection(PdfOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ChromiumPath), "Pdf:ChromiumPath must name the Chromium executable.")
            .Validate(o => o.MaxConcurrency >= 1, "Pdf:MaxConcurrency must be at least 1.")
            .Validate(o => o.Timeout > TimeSpan.Zero, "Pdf:Timeout must be positive.")
            .Validate(o => o.TimePerTableRow >= TimeSpan.Zero, "Pdf:TimePerTableRow must not be negative.")
            .ValidateOnStart();
        services.AddOptions<DocumentsOptions>()
            .Bind(configuration.GetSection(DocumentsOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.CommissionName), "Documents:CommissionName must name the attestation commission.")
            .ValidateOnStart();

        // The templates' HTML keeps Russian letters as they are, whatever else the host registers.
        services.AddWebEncoders(Infrastructure.WebSetup.AllowRussianText);

        // One browser per process, shared by every request; it is closed when the host stops.
        services.AddSingleton<IPdfRenderer, ChromiumPdfRenderer>();
        services.AddScoped<IDocumentRenderer, DocumentRenderer>();

        services.AddHealthChecks().AddCheck<ChromiumHealthCheck>("chromium", tags: ["ready"]);
        return services;
    }
}
