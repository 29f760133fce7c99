namespace Gongkai.Model;

/// <summary>
/// Words for an unexpected exception in a message a user reads: Chinese only — never the exception's type name or
/// its (English) message. A developer gets both with <c>GONGKAI_DEBUG=1</c> (<see cref="Details"/>).
/// </summary>
public static class Failures
{
    /// <summary>What kind of failure <paramref name="e"/> is, in Chinese.</summary>
    public static string Describe(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "找不到文件或目录",
        UnauthorizedAccessException => "没有访问权限",
        PathTooLongException => "路径过长",
        IOException => "读写失败",
        System.Text.DecoderFallbackException or FormatException or InvalidDataException or OverflowException => "数据格式不符合预期",
        NotSupportedException or NotImplementedException => "遇到尚不支持的内容",
        TimeoutException or OperationCanceledException => "处理超时或被取消",
        InsufficientExecutionStackException or OutOfMemoryException => "内存或栈空间不足",
        NullReferenceException or IndexOutOfRangeException or ArgumentException or InvalidOperationException
            or KeyNotFoundException or InvalidCastException or ArithmeticException => "程序内部状态异常",
        _ => "意外异常",
    };

    /// <summary>
    /// The exception's type and the first line of its message, for a developer, only when the environment variable
    /// GONGKAI_DEBUG is 1 (empty otherwise, so what users read stays Chinese).
    /// </summary>
    public static string Details(Exception e) =>
        Environment.GetEnvironmentVariable("GONGKAI_DEBUG") == "1"
            ? $"（调试：{e.GetType().FullName}：{e.Message.Split('\n')[0].TrimEnd('\r')}）"
            : "";
}
