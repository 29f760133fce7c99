using System.Text;
using Gongkai.Cli;

try { Console.OutputEncoding = new UTF8Encoding(false); } catch (IOException) { } catch (PlatformNotSupportedException) { }
var exit = new CliApp(Console.Out, Console.Error, errorIsTerminal: !Console.IsErrorRedirected).Run(args);
// GONGKAI_DEBUG_ASSEMBLIES=1: the assemblies this run loaded, one per line on stderr after the output
// (how a test and docs/benchmarks.md check that a command loads nothing it does not use, e.g. check loads no store).
if (Environment.GetEnvironmentVariable("GONGKAI_DEBUG_ASSEMBLIES") == "1")
    foreach (var name in AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Order(StringComparer.Ordinal))
        Console.Error.WriteLine($"assembly: {name}");
return exit;
