using System.Diagnostics;
using System.Globalization;

namespace Attestation.Web.Tests.Documents;

/// <summary>Linux process facts from /proc, and signals sent with bash's kill, for the tests of the PDF browser's lifetime.</summary>
internal static class ProcessInfo
{
    public static int ParentOf(int pid) => StatField(pid, 4);

    public static int GroupOf(int pid) => StatField(pid, 5);

    public static async Task SignalAsync(int pid, string signal)
    {
        // bash's builtin: a fresh Debian has bash but not always procps's /bin/kill.
        using var kill = Process.Start(new ProcessStartInfo("bash", ["-c", "kill -s \"$0\" \"$1\"", signal, pid.ToString(CultureInfo.InvariantCulture)]))
            ?? throw new InvalidOperationException("bash did not start.");
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>
    /// Field <paramref name="number"/> of /proc/PID/stat as proc(5) numbers them (1 pid, 2 comm, 3 state, 4 ppid,
    /// 5 pgrp); the command name may itself hold spaces and parentheses, so fields are counted after its last ')'.
    /// </summary>
    private static int StatField(int pid, int number)
    {
        var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        var afterName = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(afterName[number - 3], CultureInfo.InvariantCulture);
    }
}
