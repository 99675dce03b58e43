namespace Attestation.Web.Areas.Operator.Pages.Directories;

/// <summary>What the «Отключить / Включить / Удалить» block of an entry's page needs.</summary>
public sealed record EntryState(int Id, bool IsActive, DirectoryUsage.Usage Usage);
