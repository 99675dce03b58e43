using System.Reflection;
using System.Reflection.Emit;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attestation.Web.Tests.Conventions;

/// <summary>
/// No upload reaches the database unscanned: the bytes of an uploaded file are read in one place,
/// <see cref="UploadValidator"/> (which asks the antivirus), and every page that takes a file is given it. These checks
/// read the portal's compiled code (every call in every method, lambdas, async state machines and views included), so a
/// new upload page that reads its file by hand fails here with the method to fix.
/// </summary>
public sealed class EveryUploadIsScannedTests
{
    private static readonly Assembly Portal = typeof(UploadValidator).Assembly;

    /// <summary>What gives an uploaded file's bytes.</summary>
    private static readonly string[] ReadingMembers =
        [nameof(IFormFile.OpenReadStream), nameof(IFormFile.CopyTo), nameof(IFormFile.CopyToAsync)];

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    [Fact]
    public void Only_the_upload_validator_reads_an_uploaded_file()
    {
        var readers = FileReaders();

        // A reader that found no call at all would let anything pass: the validator's own reading must be seen.
        Assert.Contains(readers, reader => Outermost(reader.DeclaringType!) == typeof(UploadValidator));
        var others = readers.Where(reader => Outermost(reader.DeclaringType!) != typeof(UploadValidator))
            .Select(reader => $"{reader.DeclaringType!.FullName}.{reader.Name}")
            .ToList();
        Assert.True(others.Count == 0,
            "These read an uploaded file's bytes themselves, past the antivirus (use UploadValidator.CheckAsync or ReadAsync):\n"
            + string.Join('\n', others));
    }

    [Fact]
    public void Every_page_that_takes_a_file_is_given_the_upload_validator()
    {
        var pages = Portal.GetTypes()
            .Where(type => typeof(PageModel).IsAssignableFrom(type) && !type.IsAbstract && TakesAFile(type))
            .ToList();

        // Teachers' documents and conclusions, the school's uploads, the experts' conclusions, the withdrawal scans, the
        // Excel imports: if the search finds fewer, it is looking in the wrong place.
        Assert.True(pages.Count >= 7, $"Only {pages.Count} pages take a file: {string.Join(", ", pages.Select(p => p.Name))}");
        var without = pages.Where(page => !IsGivenTheValidator(page, depth: 2)).Select(page => page.FullName).ToList();
        Assert.True(without.Count == 0,
            "These pages take a file without the UploadValidator (nor a service given it):\n" + string.Join('\n', without));
    }

    [Fact]
    public void The_reading_of_compiled_code_sees_calls_inside_async_methods_and_lambdas()
    {
        var calls = Called(typeof(Samples)).Select(method => method.Name).ToList();

        Assert.Contains(nameof(IFormFile.OpenReadStream), calls);
        Assert.Contains(nameof(IFormFile.CopyToAsync), calls);
        Assert.Contains(nameof(IFormFile.CopyTo), calls);
    }

    private static List<MethodBase> FileReaders() =>
        [.. Portal.GetTypes().SelectMany(type => Methods(type).Where(method => Called(method).Any(IsReading)))];

    private static bool IsReading(MethodBase called) =>
        called.DeclaringType is { } type && typeof(IFormFile).IsAssignableFrom(type) && ReadingMembers.Contains(called.Name);

    private static bool TakesAFile(Type page) =>
        page.GetProperties().Any(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null && CarriesAFile(p.PropertyType))
        || page.GetMethods().Any(m => m.Name.StartsWith("On", StringComparison.Ordinal) && m.GetParameters().Any(p => CarriesAFile(p.ParameterType)))
        // A bound input model with a file in it.
        || page.GetProperties().Any(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null
            && p.PropertyType.GetProperties().Any(inner => CarriesAFile(inner.PropertyType)));

    /// <summary>The validator in the constructor, or in that of a shared workflow it is given (ConclusionUpload).</summary>
    private static bool IsGivenTheValidator(Type type, int depth) =>
        type.GetConstructors().SelectMany(c => c.GetParameters()).Any(parameter =>
            parameter.ParameterType == typeof(UploadValidator)
            || (depth > 1 && parameter.ParameterType.Assembly == Portal && IsGivenTheValidator(parameter.ParameterType, depth - 1)));

    private static bool CarriesAFile(Type type) =>
        typeof(IFormFile).IsAssignableFrom(type) || typeof(IFormFileCollection).IsAssignableFrom(type)
        || typeof(IEnumerable<IFormFile>).IsAssignableFrom(type);

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
            type = outer;
        return type;
    }

    private static IEnumerable<MethodBase> Methods(Type type)
    {
        const BindingFlags all = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public
            | BindingFlags.NonPublic;
        return type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all));
    }

    /// <summary>Every method called in <paramref name="type"/> and its nested types (closures, state machines).</summary>
    private static IEnumerable<MethodBase> Called(Type type) =>
        Methods(type).SelectMany(Called).Concat(type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(Called));

    /// <summary>The methods a method's IL calls or takes the address of.</summary>
    private static IEnumerable<MethodBase> Called(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
            yield break;
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var value = (short)il[position++];
            if (value == 0xFE)
                value = (short)(0xFE00 | il[position++]);
            var code = OpCodesByValue[value];
            if (code.OperandType == OperandType.InlineMethod)
            {
                var token = BitConverter.ToInt32(il, position);
                MethodBase? called = null;
                try
                {
                    called = method.Module.ResolveMethod(token, typeArguments, methodArguments);
                }
                catch (ArgumentException)
                {
                    // A generic context this reading cannot supply: such calls are not to IFormFile.
                }
                if (called is not null)
                    yield return called;
            }
            position += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, position),
                _ => 4,
            };
        }
    }

    /// <summary>Calls as the compiler lays them out in pages: awaited, in a lambda, plain.</summary>
    private static class Samples
    {
        public static async Task<long> AwaitedAsync(IFormFile file)
        {
            await using var stream = file.OpenReadStream();
            return stream.Length;
        }

        public static Func<Stream, Task> InALambda(IFormFile file) => target => file.CopyToAsync(target);

        public static void Plain(IFormFile file, Stream target) => file.CopyTo(target);
    }
}
