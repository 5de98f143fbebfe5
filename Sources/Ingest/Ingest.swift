// Byte-level CSV reading with typed columns and precise error locations.
//
// - `CSVTable`: reads a file or standard input once, finds every field in one pass, decodes
//   fields on demand (`double(row:column:_:)` without allocation, `string(row:column:)`).
// - `DecimalParser`: exact (strtod-identical) decimal to `Double` on a byte range.
// - `IngestError`: every error names the file, the physical line, the column by name and number,
//   and what was expected.
//
// Foundation-free: the reader is on the hot path of every command.
