using System.Diagnostics;
using System.Globalization;

namespace Attestation.Bench;

/// <summary>The timings of one document, in milliseconds.</summary>
public sealed record Measurement(string Name, IReadOnlyList<double> Milliseconds, string Goal, string Size)
{
    public double Median => Percentile(0.5);

    public double P90 => Percentile(0.9);

    public double Max => Milliseconds.Max();

    public string ToMarkdown() => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Milliseconds.Count} | {Format(Median)} | {Format(P90)} / {Format(Max)} | {Goal} | {Size} |");

    private double Percentile(double p)
    {
        var sorted = Milliseconds.Order().ToList();
        var index = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }

    private static string Format(double ms) => ms >= 1000
        ? string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.00} s")
        : string.Create(CultureInfo.InvariantCulture, $"{ms:0} ms");

    public static async Task<(T Result, double Milliseconds)> TimeAsync<T>(Func<Task<T>> action)
    {
        var watch = Stopwatch.StartNew();
        var result = await action();
        return (result, watch.Elapsed.TotalMilliseconds);
    }
}
