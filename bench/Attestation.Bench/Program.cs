using System.Diagnostics;
using System.Globalization;
using System.Text;
using Attestation.Bench;

// The performance harness. Measures on this machine, reports a Markdown table; never asserts (see bench/README.md).
//   dotnet run -c Release --project bench/Attestation.Bench -- documents [--out bench/RESULTS-documents.md]
//   dotnet run -c Release --project bench/Attestation.Bench -- burst --base-url http://127.0.0.1:5199 --accounts bench/.data/region.json [--count 1000] [--window 300]
var arguments = args.ToList();
var scenario = arguments.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "documents";
var outIndex = arguments.IndexOf("--out");
var output = outIndex >= 0 && outIndex + 1 < arguments.Count ? arguments[outIndex + 1] : null;

if (scenario == "generate")
{
    // dotnet run -c Release --project bench/Attestation.Bench -- generate --connection "Host=…;Database=bench" [--scale region|country] [--accounts bench/.data/accounts.json] [--seed 42]
    string? Option(string name) => arguments.IndexOf(name) is var i and >= 0 && i + 1 < arguments.Count ? arguments[i + 1] : null;
    var connection = Option("--connection") ?? Environment.GetEnvironmentVariable("BENCH_CONNECTION");
    if (connection is null)
    {
        Console.Error.WriteLine("generate needs --connection \"Host=…;Database=…;Username=…\" (or BENCH_CONNECTION).");
        return 2;
    }
    var scale = Option("--scale") switch
    {
        null or "region" => Attestation.Bench.Generator.Scale.Region,
        "country" => Attestation.Bench.Generator.Scale.Country,
        var other => throw new ArgumentException($"Unknown scale «{other}»: region or country."),
    };
    var seed = int.Parse(Option("--seed") ?? "42", CultureInfo.InvariantCulture);
    return await new Attestation.Bench.Generator.DataGenerator(connection, scale, seed, Console.Error)
        .RunAsync(Option("--accounts"), CancellationToken.None);
}

if (scenario == "burst")
    return await Burst.RunAsync(arguments);

if (scenario != "documents")
{
    Console.Error.WriteLine($"Unknown scenario «{scenario}». Known: documents, generate, burst.");
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
