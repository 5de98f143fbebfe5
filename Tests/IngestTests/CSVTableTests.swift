#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Ingest

func parse(_ text: String, name: String = "t.csv") throws(IngestError) -> CSVTable {
    try CSVTable.parse(bytes: Array(text.utf8), name: name)
}

/// The description of the error thrown by parsing `text`, or nil when it parses.
func parseError(_ text: String, name: String = "t.csv") -> String? {
    do {
        _ = try parse(text, name: name)
        return nil
    } catch {
        return error.description
    }
}

@Suite("CSVTable parsing")
struct CSVTableParsingTests {
    @Test func simpleTable() throws {
        let table = try parse("time,event,count\n54,1,1\n500,0,10\n")
        #expect(table.header == ["time", "event", "count"])
        #expect(table.columnCount == 3)
        #expect(table.rowCount == 2)
        #expect(table.headerLine == 1)
        #expect(table.lineNumber(ofRow: 0) == 2)
        #expect(table.lineNumber(ofRow: 1) == 3)
        #expect(table.string(row: 1, column: 2) == "10")
        #expect(Array(table.field(row: 0, column: 0)) == Array("54".utf8))
        #expect(try table.double(row: 1, column: 0) == 500)
        #expect(table.strings(column: 1) == ["1", "0"])
        #expect(try table.doubles(column: 2, .positiveWhole) == [1, 10])
    }

    @Test func headerNamesAreTrimmedAndMatchedIgnoringCase() throws {
        let table = try parse("  Time , EVENT,\tCount\t\n1,1,1\n")
        #expect(table.header == ["Time", "EVENT", "Count"])
        #expect(table.columnIndex(named: "time") == 0)
        #expect(table.columnIndex(named: "Event") == 1)
        #expect(table.columnIndex(named: " count ") == 2)
        #expect(table.columnIndex(named: "mode") == nil)
        #expect(table.columnIndex(named: "") == nil)
    }

    @Test func fieldsAreTrimmedOfSpacesOutsideQuotes() throws {
        let table = try parse("a,b,c\n  12.5 , \" x \" ,\t\n")
        #expect(table.string(row: 0, column: 0) == "12.5")
        #expect(try table.double(row: 0, column: 0) == 12.5)
        #expect(table.string(row: 0, column: 1) == " x ")
        #expect(table.isEmpty(row: 0, column: 2))
    }

    @Test func quotedFieldsWithCommasQuotesAndNewlinesKeepPhysicalLines() throws {
        let text = """
        name,note,value
        a,"x, y",1
        b,"multi
        line
        ""q"" end",2

        c,z,"3"
        """
        let table = try parse(text)
        #expect(table.rowCount == 3)
        #expect(table.string(row: 0, column: 1) == "x, y")
        #expect(table.string(row: 1, column: 1) == "multi\nline\n\"q\" end")
        #expect(table.lineNumber(ofRow: 0) == 2)
        #expect(table.lineNumber(ofRow: 1) == 3)
        #expect(table.lineNumber(row: 1, column: 1) == 3)
        #expect(table.lineNumber(row: 1, column: 2) == 5)
        #expect(table.lineNumber(ofRow: 2) == 7)
        #expect(try table.double(row: 2, column: 2) == 3)
        #expect(table.error(row: 1, column: 2, "bad").description == "t.csv:5: column 'value' (3): bad")
    }

    @Test func crlfLineEndsIncludingInsideQuotes() throws {
        let text = "time,note\r\n1,\"a\r\nb\"\r\n\r\n2,c\r\n"
        let table = try parse(text)
        #expect(table.rowCount == 2)
        #expect(table.string(row: 0, column: 1) == "a\r\nb")
        #expect(table.string(row: 1, column: 1) == "c")
        #expect(table.lineNumber(ofRow: 1) == 5)
        #expect(try table.double(row: 1, column: 0) == 2)
    }

    @Test func loneCarriageReturnsEndLines() throws {
        let table = try parse("time,x\r1,2\r\r3,4")
        #expect(table.rowCount == 2)
        #expect(table.lineNumber(ofRow: 1) == 4)
        #expect(table.string(row: 1, column: 1) == "4")
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let table = try CSVTable.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("time\n5\n".utf8), name: "b.csv")
        #expect(table.header == ["time"])
        #expect(table.columnIndex(named: "time") == 0)
        #expect(table.lineNumber(ofRow: 0) == 2)
    }

    @Test func missingFinalNewline() throws {
        let table = try parse("time,event\n1,1\n2,0")
        #expect(table.rowCount == 2)
        #expect(table.string(row: 1, column: 1) == "0")
        let quoted = try parse("time,event\n1,\"1\"")
        #expect(quoted.string(row: 0, column: 1) == "1")
    }

    @Test func emptyLinesAreSkippedButCounted() throws {
        let table = try parse("\n\ntime\n\n5\n\r\n\n6\n\n\n")
        #expect(table.headerLine == 3)
        #expect(table.rowCount == 2)
        #expect(table.lineNumber(ofRow: 0) == 5)
        #expect(table.lineNumber(ofRow: 1) == 8)
    }

    @Test func lineOfSpacesIsARowNotAnEmptyLine() throws {
        #expect(parseError("time,event\n1,1\n   \n") == "t.csv:3: expected 2 fields as in the header, found 1")
        let single = try parse("time\n1\n  \n")
        #expect(single.rowCount == 2)
        #expect(single.isEmpty(row: 1, column: 0))
    }

    @Test func raggedRows() {
        #expect(parseError("time,event\n1,1\n2,1,5\n") == "t.csv:3: expected 2 fields as in the header, found 3")
        #expect(parseError("time,event,count\n1,1,1\n\n2\n") == "t.csv:4: expected 3 fields as in the header, found 1")
        #expect(parseError("time\n1,\n") == "t.csv:2: expected 1 field as in the header, found 2")
        // The row starts on line 2 even though the quoted field spans two lines.
        #expect(parseError("a,b\n\"x\ny\",2,3\n") == "t.csv:2: expected 2 fields as in the header, found 3")
    }

    @Test func unterminatedQuote() {
        #expect(parseError("time,mode\n1,a\n2,\"b\n3,c\n")
                == "t.csv:3: column 'mode' (2): unterminated quoted field: no closing quote before the end of the input")
        #expect(parseError("time,\"mode\n1,a\n")
                == "t.csv:1: column 2: unterminated quoted field: no closing quote before the end of the input")
    }

    @Test func textAfterClosingQuote() {
        #expect(parseError("time,mode\n1,\"a\"b,\n")
                == "t.csv:2: column 'mode' (2): expected a comma or line end after the closing quote, found \"b\"")
    }

    @Test func quoteInsideUnquotedFieldIsLiteral() throws {
        let table = try parse("size,x\n12\" pipe,1\n")
        #expect(table.string(row: 0, column: 0) == "12\" pipe")
    }

    @Test func emptyInputs() {
        let empty = "t.csv: empty file: expected a header row and at least one data row"
        #expect(parseError("") == empty)
        #expect(parseError("\n\r\n\n") == empty)
        #expect((try? CSVTable.parse(bytes: [0xEF, 0xBB, 0xBF], name: "t.csv")) == nil)
        let headerOnly = "t.csv:1: header only: expected at least one data row after the header"
        #expect(parseError("time,event,count\n") == headerOnly)
        #expect(parseError("time,event,count") == headerOnly)
        #expect(parseError("time,event,count\n\n\n") == headerOnly)
    }

    @Test func duplicateColumnNames() {
        #expect(parseError("time,event,Time\n1,1,1\n")
                == "t.csv:1: column 'Time' (3): duplicate column name (column 1 is 'time'; names are compared ignoring case)")
    }

    @Test func emptyHeaderNamesAreAllowed() throws {
        let table = try parse("time,,x\n1,2,3\n")
        #expect(table.header == ["time", "", "x"])
        #expect(table.headerDescription == "time, '', x")
    }

    @Test func manyRowsLargeInput() throws {
        var text = "time,event,count\n"
        for k in 0..<20_000 { text += "\(k).5,\(k % 2),\(1 + k % 3)\n" }
        let table = try parse(text)
        #expect(table.rowCount == 20_000)
        #expect(try table.double(row: 19_999, column: 0) == 19_999.5)
        #expect(table.lineNumber(ofRow: 19_999) == 20_001)
    }
}

@Suite("CSVTable typed fields")
struct CSVTableTypedFieldTests {
    let table: CSVTable

    init() throws {
        table = try parse("""
        v,name
        -3,a
        abc,b
        ,c
        nan,d
        -Infinity,e
        1e400,f
        2.5,g
        0,h
        -0,i
        1e300,j
        "say ""hi""\tnow",k
        """)
    }

    func message(_ row: Int, _ requirement: NumberRequirement = .any) -> String? {
        do {
            _ = try table.double(row: row, column: 0, requirement)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func errorsNameFileLineColumnAndValue() {
        #expect(message(0, .nonNegative) == "t.csv:2: column 'v' (1): expected a non-negative number, found \"-3\"")
        #expect(message(1) == "t.csv:3: column 'v' (1): expected a number, found \"abc\"")
        #expect(message(2, .positive) == "t.csv:4: column 'v' (1): expected a positive number, found an empty field")
        #expect(message(3) == "t.csv:5: column 'v' (1): expected a finite number, found \"nan\"")
        #expect(message(4, .nonNegative) == "t.csv:6: column 'v' (1): expected a finite number, found \"-Infinity\"")
        #expect(message(5) == "t.csv:7: column 'v' (1): expected a finite number, found \"1e400\"")
        #expect(message(6, .positiveWhole) == "t.csv:8: column 'v' (1): expected a positive whole number, found \"2.5\"")
        #expect(message(7, .positiveWhole) == "t.csv:9: column 'v' (1): expected a positive whole number, found \"0\"")
        #expect(message(7, .positive) == "t.csv:9: column 'v' (1): expected a positive number, found \"0\"")
        #expect(message(9, .positiveWhole)
                == "t.csv:11: column 'v' (1): expected a positive whole number (at most 2^53), found \"1e300\"")
        #expect(message(10) == "t.csv:12: column 'v' (1): expected a number, found \"say \\\"hi\\\"\\tnow\"")
    }

    @Test func acceptedValues() throws {
        #expect(try table.double(row: 7, column: 0, .nonNegative) == 0)
        #expect(try table.double(row: 8, column: 0, .nonNegative).sign == .plus)
        #expect(try table.double(row: 9, column: 0) == 1e300)
        #expect(try table.optionalDouble(row: 2, column: 0) == nil)
        #expect(try table.optionalDouble(row: 6, column: 0) == 2.5)
    }

    @Test func errorKindAndFields() {
        do {
            _ = try table.double(row: 1, column: 0)
            Issue.record("expected an error")
        } catch {
            #expect(error == IngestError(file: "t.csv", line: 3, column: "v", columnIndex: 1,
                                         message: "expected a number, found \"abc\""))
            #expect(error.kind == .data)
        }
    }

    @Test func longValuesAreCutInMessages() {
        #expect(quoteForMessage(String(repeating: "x", count: 50)) == "\"" + String(repeating: "x", count: 40) + "…\"")
        #expect(quoteForMessage("a\u{1}b") == "\"a\\u{1}b\"")
    }
}

@Suite("IngestError")
struct IngestErrorTests {
    @Test func descriptionDropsUnknownParts() {
        #expect(IngestError(file: "f.csv", line: 7, column: "time", columnIndex: 1, message: "m").description
                == "f.csv:7: column 'time' (1): m")
        #expect(IngestError(file: "f.csv", line: 7, message: "m").description == "f.csv:7: m")
        #expect(IngestError(file: "f.csv", message: "m").description == "f.csv: m")
        #expect(IngestError(file: "f.csv", line: 1, columnIndex: 2, message: "m").description == "f.csv:1: column 2: m")
        #expect(IngestError(file: "f.csv", line: 1, column: "x", message: "m").description == "f.csv:1: column 'x': m")
    }
}
