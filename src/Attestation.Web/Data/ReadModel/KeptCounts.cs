namespace Attestation.Web.Data.ReadModel;

/// <summary>What the tables of counts kept by triggers on the applications share.</summary>
public static class KeptCounts
{
    /// <summary>Triggers of the applications switched off (a bulk copy) or on again.</summary>
    public static string SwitchTriggers(bool enable, params string[] triggers) => string.Join('\n',
        triggers.Select(t => $"""ALTER TABLE "Applications" {(enable ? "ENABLE" : "DISABLE")} TRIGGER "{t}";"""));

    /// <summary>The triggers of the applications dropped, then the function they ran.</summary>
    public static string DropTriggers(string function, params string[] triggers) => string.Join('\n',
        triggers.Select(t => $"""DROP TRIGGER "{t}" ON "Applications";""").Append($"DROP FUNCTION {function}();"));
}
