using System.Diagnostics;
using System.Globalization;
using System.Text;
using Attestation.Bench;

// The performance harness. Measures on this machine, reports a Markdown table; never asserts (see bench/README.md).
//   dotnet run -c Release --project bench/Attestation.Bench -- documents [--out bench/RESULTS-documents.md]
var arguments = args.ToList();
var scenario = arguments.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "documents";
var outIndex = arguments.IndexOf("--out");
var output = outIndex >= 0 && outIndex + 1 < arguments.Count ? arguments[outIndex + 1] : null;

if (scenario != "documents")
{
    Console.Error.WriteLine($"Unknown scenario «{scenario}». Known: documents.");
    return 2;
}

await using var bench = await DocumentBench.CreateAsync(Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium");
var results = await bench.RunAsync(Console.Error);

var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, load average before the run: {LoadAverage()}.");
report.AppendLine();
report.AppendLine("| document | runs | median | p90 / max | goal | size |");
report.AppendLine("| --- | ---: | ---: | ---: | --- | --- |");
foreach (var result in results)
    report.AppendLine(result.ToMarkdown());
Console.WriteLine(report);
if (output is not null)
    await File.WriteAllTextAsync(output, report.ToString());
return 0;

static string LoadAverage()
{
    try
    {
        return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
    }
    catch (IOException)
    {
        return "unknown";
    }
}
