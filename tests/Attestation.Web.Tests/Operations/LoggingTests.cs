using System.Text.Json;
using Attestation.Web.Infrastructure;
using Serilog;

namespace Attestation.Web.Tests.Operations;

/// <summary>The log's outputs: JSON lines naming their instance, and one file shared by instances.</summary>
public sealed class LoggingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "attestation-logs-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Two_instances_sharing_the_data_folder_both_write_their_json_lines_into_the_one_file()
    {
        var first = Logger("portal-a");
        var second = Logger("portal-b");
        first.Information("Заявление {Number} зарегистрировано", 17);
        second.Information("Заявление {Number} зарегистрировано", 18);
        first.Information("Период {Period} закрыт", "январь-февраль");
        first.Dispose();
        second.Dispose();

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_folder, "logs"), "portal-*.log"));
        var lines = File.ReadAllLines(file).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(
            [("portal-a", "Заявление 17 зарегистрировано"), ("portal-b", "Заявление 18 зарегистрировано"), ("portal-a", "Период \"январь-февраль\" закрыт")],
            lines.Select(line => (line.GetProperty("Instance").GetString(), line.GetProperty("@m").GetString())).ToList());
        Assert.All(lines, line => Assert.True(line.TryGetProperty("@t", out _)));
        Assert.Equal(17, lines[0].GetProperty("Number").GetInt32());
    }

    [Fact]
    public void Without_a_file_configured_nothing_is_written_to_the_data_folder()
    {
        using (var logger = LoggingSetup.Configure(new LoggerConfiguration(), new LogOptions { Console = "none" }, _folder).CreateLogger())
            logger.Information("Только в стандартный вывод");
        Assert.False(Directory.Exists(Path.Combine(_folder, "logs")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private Serilog.Core.Logger Logger(string instance) =>
        LoggingSetup.Configure(new LoggerConfiguration(), new LogOptions
        {
            Console = "none",
            File = "logs/portal-.log",
            Instance = instance,
        }, _folder).CreateLogger();
}
