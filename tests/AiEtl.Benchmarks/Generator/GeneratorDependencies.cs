using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace AiEtl.Benchmarks.Generator;

/// <summary>
/// Loads AiEtl.Configuration beside the in-process generator: the generator's project reference passes it as an
/// analyzer dependency, not a runtime one, so the build leaves it out of deps.json although it copies the file.
/// </summary>
internal static class GeneratorDependencies
{
    [ModuleInitializer]
    internal static void Register()
    {
        AssemblyLoadContext.Default.Resolving += static (context, name) =>
        {
            var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return name.Name == "AiEtl.Configuration" && File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        };
    }
}
