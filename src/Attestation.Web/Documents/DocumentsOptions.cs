namespace Attestation.Web.Documents;

/// <summary>The wording of the printed documents that differs between regions (section <c>Documents</c>).</summary>
public sealed class DocumentsOptions
{
    public const string Section = "Documents";

    /// <summary>
    /// The addressee of the application and the withdrawal document, in the form that follows «В»: the header prints
    /// «В аттестационную комиссию Департамента общего образования Томской области».
    /// </summary>
    public string CommissionName { get; set; } = "аттестационную комиссию Департамента общего образования Томской области";

    /// <summary>«В аттестационную комиссию …», the first line of the addressee block.</summary>
    public string CommissionAddressee => $"В {CommissionName.Trim()}";
}
