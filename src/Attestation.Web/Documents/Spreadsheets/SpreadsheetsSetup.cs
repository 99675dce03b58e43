using Attestation.Web.Documents.Spreadsheets;

// In the documents' namespace, which Program.cs already imports: registering the writers takes one line there.
namespace Attestation.Web.Documents;

public static class SpreadsheetsSetup
{
    /// <summary>The Excel writers (ClosedXML, see build/ClosedXml.props); stateless, so one of each per process.</summary>
    public static IServiceCollection AddPortalSpreadsheets(this IServiceCollection services)
    {
        services.AddSingleton<ScheduleWorkbook>();
        services.AddSingleton<RegistrationJournalWorkbook>();
        services.AddSingleton<WithdrawalJournalWorkbook>();
        services.AddSingleton<ExpertScheduleWorkbook>();
        services.AddSingleton<CommissionListWorkbook>();
        return services;
    }
}
