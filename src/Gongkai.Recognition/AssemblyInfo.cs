using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Gongkai.Tests")]
