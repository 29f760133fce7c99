using System.Text;
using Gongkai.Cli;

try { Console.OutputEncoding = new UTF8Encoding(false); } catch (IOException) { } catch (PlatformNotSupportedException) { }
return new CliApp(Console.Out, Console.Error).Run(args);
