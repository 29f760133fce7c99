using System.Buffers.Binary;
using System.Text;

namespace Gongkai.Reading.Office;

/// <summary>
/// What ExcelDataReader does not give of a BIFF8 workbook (.xls/.et), read from the Workbook stream's records
/// ([MS-XLS]): per worksheet, the cells whose cell format (XF) draws a border, the error values stored in cells
/// (BOOLERR and FORMULA results: #DIV/0!, #N/A, #REF! …) and the hidden rows (ROW fDyZero) and columns (COLINFO
/// fHidden). Only a supplement: the values themselves come from the library. A workbook this scan cannot follow
/// (BIFF5 and older, an open password, a damaged record chain) gives no information, never an exception, so the
/// workbook is read as before.
/// </summary>
internal sealed class BiffSheetInfo
{
    public HashSet<(int Row, int Col)> Bordered { get; } = [];
    public Dictionary<(int Row, int Col), string> Errors { get; } = [];
    public HashSet<int> HiddenRows { get; } = [];
    public HashSet<int> HiddenCols { get; } = [];

    /// <summary>The worksheets by name (rows and columns 1-based); empty when the workbook cannot be scanned.</summary>
    public static Dictionary<string, BiffSheetInfo> Scan(byte[] bytes)
    {
        try
        {
            var cf = new CompoundFile(bytes);
            var stream = cf.Stream("Workbook") ?? cf.Stream("Book");
            return stream is null ? [] : ScanStream(stream);
        }
        catch (Exception e) when (e is CompoundFileException or ArgumentException or IndexOutOfRangeException or InvalidDataException or OverflowException)
        {
            return [];
        }
    }

    private static Dictionary<string, BiffSheetInfo> ScanStream(byte[] s)
    {
        var result = new Dictionary<string, BiffSheetInfo>(StringComparer.Ordinal);
        // workbook globals: BOF (BIFF8), XF records, BOUNDSHEET records, up to EOF
        if (s.Length < 8 || U16(s, 0) != 0x0809 || U16(s, 4) != 0x0600) return result;
        var bordered = new List<bool>();
        var sheets = new List<(string Name, int Offset)>();
        int pos = 0;
        while (pos + 4 <= s.Length)
        {
            int type = U16(s, pos), len = U16(s, pos + 2), d = pos + 4;
            if (d + len > s.Length) return result;
            pos = d + len;
            switch (type)
            {
                case 0x002F: return []; // FILEPASS: the records that follow are encrypted
                case 0x00E0 when len >= 14: // XF: dgLeft, dgRight, dgTop, dgBottom in the low 16 bits at offset 10
                    bordered.Add((U16(s, d + 10) & 0xFFFF) != 0);
                    break;
                case 0x0085 when len >= 8: // BOUNDSHEET: lbPlyPos, hsState, dt, name
                    if (s[d + 5] == 0) sheets.Add((ShortString(s, d + 6, d + len), (int)U32(s, d)));
                    break;
            }
            if (type == 0x000A) break; // EOF of the globals
        }
        foreach (var (name, offset) in sheets)
        {
            if (offset < 0 || offset + 8 > s.Length || U16(s, offset) != 0x0809) continue;
            var info = new BiffSheetInfo();
            ScanSheet(s, offset, bordered, info);
            result.TryAdd(name, info);
        }
        return result;
    }

    private static void ScanSheet(byte[] s, int pos, List<bool> bordered, BiffSheetInfo info)
    {
        bool first = true;
        while (pos + 4 <= s.Length)
        {
            int type = U16(s, pos), len = U16(s, pos + 2), d = pos + 4;
            if (d + len > s.Length) return;
            pos = d + len;
            if (type == 0x0809 && !first) return; // a substream without EOF
            first = false;
            switch (type)
            {
                case 0x000A: return; // EOF
                case 0x0208 when len >= 16: // ROW: fDyZero (hidden)
                    if ((U16(s, d + 12) & 0x0020) != 0) info.HiddenRows.Add(U16(s, d) + 1);
                    break;
                case 0x007D when len >= 10: // COLINFO: fHidden
                    if ((U16(s, d + 8) & 0x0001) != 0)
                        for (int c = U16(s, d), last = Math.Min((int)U16(s, d + 2), 255); c <= last; c++) info.HiddenCols.Add(c + 1);
                    break;
                case 0x0201 or 0x0203 or 0x0204 or 0x027E or 0x00FD or 0x00D6 when len >= 6: // BLANK, NUMBER, LABEL, RK, LABELSST, RSTRING
                    Cell(info, bordered, U16(s, d), U16(s, d + 2), U16(s, d + 4));
                    break;
                case 0x0205 when len >= 8: // BOOLERR: fError
                    Cell(info, bordered, U16(s, d), U16(s, d + 2), U16(s, d + 4));
                    if (s[d + 7] == 1) Error(info, U16(s, d), U16(s, d + 2), s[d + 6]);
                    break;
                case 0x0006 when len >= 20: // FORMULA: a result of type 2 (error) where the last two bytes are 0xFFFF
                    Cell(info, bordered, U16(s, d), U16(s, d + 2), U16(s, d + 4));
                    if (U16(s, d + 12) == 0xFFFF && s[d + 6] == 2) Error(info, U16(s, d), U16(s, d + 2), s[d + 8]);
                    break;
                case 0x00BD when len >= 6: // MULRK: rw, colFirst, (ixfe, RK)*, colLast
                    for (int k = 0, at = d + 4; at + 6 <= d + len - 2; k++, at += 6)
                        Cell(info, bordered, U16(s, d), U16(s, d + 2) + k, U16(s, at));
                    break;
                case 0x00BE when len >= 6: // MULBLANK: rw, colFirst, ixfe*, colLast
                    for (int k = 0, at = d + 4; at + 2 <= d + len - 2; k++, at += 2)
                        Cell(info, bordered, U16(s, d), U16(s, d + 2) + k, U16(s, at));
                    break;
            }
        }
    }

    private static void Cell(BiffSheetInfo info, List<bool> bordered, int row, int col, int ixfe)
    {
        if (ixfe < bordered.Count && bordered[ixfe]) info.Bordered.Add((row + 1, col + 1));
    }

    private static void Error(BiffSheetInfo info, int row, int col, byte code) =>
        info.Errors[(row + 1, col + 1)] = code switch
        {
            0x00 => "#NULL!",
            0x07 => "#DIV/0!",
            0x0F => "#VALUE!",
            0x17 => "#REF!",
            0x1D => "#NAME?",
            0x24 => "#NUM!",
            0x2A => "#N/A",
            _ => "#N/A",
        };

    /// <summary>A ShortXLUnicodeString: cch, fHighByte, then the characters (Latin-1 or UTF-16).</summary>
    private static string ShortString(byte[] s, int at, int end)
    {
        if (at + 2 > end) return "";
        int cch = s[at];
        bool wide = (s[at + 1] & 1) != 0;
        int bytes = wide ? 2 * cch : cch;
        if (at + 2 + bytes > end) return "";
        return wide ? Encoding.Unicode.GetString(s, at + 2, bytes) : Encoding.Latin1.GetString(s, at + 2, bytes);
    }

    private static ushort U16(byte[] b, int off) => BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(off, 2));

    private static uint U32(byte[] b, int off) => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(off, 4));
}
