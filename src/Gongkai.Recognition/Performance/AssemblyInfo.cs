[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("prof")]
