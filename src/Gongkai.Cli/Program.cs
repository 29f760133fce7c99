using System.Text;
using Gongkai.Cli;

try { Console.OutputEncoding = new UTF8Encoding(false); } catch (IOException) { } catch (PlatformNotSupportedException) { }
return new CliApp(Console.Out, Console.Error, errorIsTerminal: !Console.IsErrorRedirected).Run(args);
