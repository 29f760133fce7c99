using System.Buffers.Binary;

namespace Gongkai.Reading.Office;

/// <summary>A damaged OLE compound file or Word binary structure (caught by the readers and reported as Corrupt).</summary>
public sealed class CompoundFileException(string message) : Exception(message);

/// <summary>
/// A reader of OLE compound files ([MS-CFB]): header, DIFAT, FAT, mini FAT and the directory, so that the streams
/// under the root storage can be read by name. Every sector number, chain and size is checked against the file:
/// a chain that loops or leaves the file, or a stream that claims more bytes than its chain holds, is a
/// <see cref="CompoundFileException"/>, so a malformed file can neither hang the reader nor make it allocate more
/// than the file's own size.
/// </summary>
public sealed class CompoundFile
{
    private const uint EndOfChain = 0xFFFFFFFE, FreeSector = 0xFFFFFFFF, NoStream = 0xFFFFFFFF;

    private readonly byte[] _bytes;
    private readonly int _sectorSize;
    private readonly int _miniSectorSize;
    private readonly uint _miniCutoff;
    private readonly uint[] _fat;
    private readonly uint[] _miniFat;
    private readonly List<Entry> _entries = [];
    private byte[]? _miniStream;

    private sealed record Entry(string Name, int Type, uint Left, uint Right, uint Child, uint Start, long Size);

    public CompoundFile(byte[] bytes)
    {
        _bytes = bytes;
        if (bytes.Length < 512 || !OleCompound.IsOle(bytes)) throw new CompoundFileException("文件头无效");
        int major = U16(bytes, 0x1A);
        int shift = U16(bytes, 0x1E);
        if (major == 3 && shift != 9 || major == 4 && shift != 12 || shift is not (9 or 12))
            throw new CompoundFileException("扇区大小无效");
        _sectorSize = 1 << shift;
        int miniShift = U16(bytes, 0x20);
        if (miniShift != 6) throw new CompoundFileException("小扇区大小无效");
        _miniSectorSize = 1 << miniShift;
        uint fatSectors = U32(bytes, 0x2C);
        uint firstDir = U32(bytes, 0x30);
        _miniCutoff = U32(bytes, 0x38);
        uint firstMiniFat = U32(bytes, 0x3C);
        uint miniFatSectors = U32(bytes, 0x40);
        uint firstDifat = U32(bytes, 0x44);
        uint difatSectors = U32(bytes, 0x48);

        long sectorCount = (bytes.Length - _sectorSize + _sectorSize - 1) / _sectorSize;
        if (sectorCount < 0) sectorCount = 0;
        if (fatSectors > sectorCount || difatSectors > sectorCount || miniFatSectors > sectorCount)
            throw new CompoundFileException("分配表大小超出文件");

        // DIFAT: 109 entries in the header, then a chain of DIFAT sectors (last entry of each = next sector)
        var fatSectorList = new List<uint>();
        for (int i = 0; i < 109 && fatSectorList.Count < fatSectors; i++) fatSectorList.Add(U32(bytes, 0x4C + 4 * i));
        uint difat = firstDifat;
        int perDifat = _sectorSize / 4 - 1;
        for (uint n = 0; fatSectorList.Count < fatSectors; n++)
        {
            if (n >= difatSectors + 1 || difat >= sectorCount) throw new CompoundFileException("DIFAT 链无效");
            long off = Offset(difat);
            for (int i = 0; i < perDifat && fatSectorList.Count < fatSectors; i++) fatSectorList.Add(U32(bytes, off + 4 * i));
            difat = U32(bytes, off + 4 * perDifat);
        }
        _fat = new uint[fatSectorList.Count * (_sectorSize / 4)];
        for (int s = 0; s < fatSectorList.Count; s++)
        {
            if (fatSectorList[s] >= sectorCount) throw new CompoundFileException("FAT 扇区超出文件");
            long off = Offset(fatSectorList[s]);
            for (int i = 0; i < _sectorSize / 4; i++) _fat[s * (_sectorSize / 4) + i] = U32(bytes, off + 4 * i);
        }

        var dir = ReadChain(firstDir, long.MaxValue, _fat, _sectorSize, ReadSector);
        for (int i = 0; i + 128 <= dir.Length; i += 128)
        {
            int nameLength = Math.Clamp((int)U16(dir, i + 64), 0, 64);
            int chars = Math.Max(0, nameLength / 2 - 1);
            var name = System.Text.Encoding.Unicode.GetString(dir, i, chars * 2);
            int type = dir[i + 66];
            long size = major == 3 ? U32(dir, i + 120) : (long)BinaryPrimitives.ReadUInt64LittleEndian(dir.AsSpan(i + 120));
            _entries.Add(new Entry(name, type, U32(dir, i + 68), U32(dir, i + 72), U32(dir, i + 76), U32(dir, i + 116), size));
        }
        if (_entries.Count == 0 || _entries[0].Type != 5) throw new CompoundFileException("根目录项无效");
        _miniFat = firstMiniFat is EndOfChain or FreeSector || miniFatSectors == 0
            ? []
            : ToUInts(ReadChain(firstMiniFat, (long)miniFatSectors * _sectorSize, _fat, _sectorSize, ReadSector));
    }

    /// <summary>The names of the streams and storages directly under the root storage.</summary>
    public IReadOnlyList<string> RootNames => Children(0).Select(i => _entries[i].Name).ToList();

    /// <summary>True when the root storage holds a stream of this name.</summary>
    public bool HasStream(string name) => Find(name) is not null;

    /// <summary>The bytes of a stream under the root storage, or null when there is none of that name.</summary>
    public byte[]? Stream(string name)
    {
        if (Find(name) is not int i) return null;
        var e = _entries[i];
        if (e.Size > _bytes.Length) throw new CompoundFileException($"流 {name} 的长度超出文件");
        if (e.Size == 0) return [];
        if (e.Size < _miniCutoff)
        {
            _miniStream ??= ReadChain(_entries[0].Start, _entries[0].Size, _fat, _sectorSize, ReadSector);
            return ReadChain(e.Start, e.Size, _miniFat, _miniSectorSize, ReadMiniSector);
        }
        return ReadChain(e.Start, e.Size, _fat, _sectorSize, ReadSector);
    }

    private int? Find(string name)
    {
        foreach (var i in Children(0))
            if (_entries[i].Type == 2 && string.Equals(_entries[i].Name, name, StringComparison.OrdinalIgnoreCase)) return i;
        return null;
    }

    /// <summary>The entries of a storage: its child's red-black tree walked without recursion, each entry once.</summary>
    private List<int> Children(int storage)
    {
        var result = new List<int>();
        var seen = new HashSet<uint>();
        var stack = new Stack<uint>();
        stack.Push(_entries[storage].Child);
        while (stack.Count > 0)
        {
            uint id = stack.Pop();
            if (id == NoStream || id >= _entries.Count || !seen.Add(id)) continue;
            var e = _entries[(int)id];
            result.Add((int)id);
            stack.Push(e.Left);
            stack.Push(e.Right);
        }
        return result;
    }

    private long Offset(uint sector) => ((long)sector + 1) * _sectorSize;

    private ReadOnlySpan<byte> ReadSector(uint sector)
    {
        long off = Offset(sector);
        if (off >= _bytes.Length) throw new CompoundFileException("扇区超出文件");
        int n = (int)Math.Min(_sectorSize, _bytes.Length - off);
        return _bytes.AsSpan((int)off, n);
    }

    private ReadOnlySpan<byte> ReadMiniSector(uint sector)
    {
        var mini = _miniStream!;
        long off = (long)sector * _miniSectorSize;
        if (off >= mini.Length) throw new CompoundFileException("小扇区超出小流");
        int n = (int)Math.Min(_miniSectorSize, mini.Length - off);
        return mini.AsSpan((int)off, n);
    }

    private delegate ReadOnlySpan<byte> SectorReader(uint sector);

    /// <summary>The bytes of a sector chain, at most <paramref name="size"/> bytes; a chain that loops or is too short is corrupt.</summary>
    private static byte[] ReadChain(uint start, long size, uint[] fat, int sectorSize, SectorReader read)
    {
        var buffer = new MemoryStream();
        var seen = new HashSet<uint>();
        uint s = start;
        while (s != EndOfChain && buffer.Length < size)
        {
            if (s >= fat.Length || !seen.Add(s)) throw new CompoundFileException("扇区链无效");
            var data = read(s);
            int take = (int)Math.Min(data.Length, size - buffer.Length);
            buffer.Write(data[..take]);
            s = fat[s];
        }
        if (size != long.MaxValue && buffer.Length < size) throw new CompoundFileException("流比声明的长度短");
        return buffer.ToArray();
    }

    private static uint[] ToUInts(byte[] b)
    {
        var r = new uint[b.Length / 4];
        for (int i = 0; i < r.Length; i++) r[i] = U32(b, 4 * i);
        return r;
    }

    private static ushort U16(byte[] b, long off) => off + 2 <= b.Length ? BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan((int)off)) : throw new CompoundFileException("数据截断");

    private static uint U32(byte[] b, long off) => off + 4 <= b.Length ? BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan((int)off)) : throw new CompoundFileException("数据截断");
}
