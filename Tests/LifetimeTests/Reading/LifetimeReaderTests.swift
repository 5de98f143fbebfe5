import Ingest
import Testing
@testable import Lifetime

private func table(_ text: String, name: String = "failures.csv") throws(IngestError) -> CSVTable {
    try CSVTable.parse(bytes: Array(text.utf8), name: name)
}

private func read(_ text: String, columns: LifetimeColumns = .init()) throws(IngestError) -> LifetimeInput {
    try LifetimeReader.read(table(text), columns: columns)
}

/// The description of the error reading `text` gives, or nil when it reads.
private func readError(_ text: String, columns: LifetimeColumns = .init()) -> String? {
    do {
        _ = try read(text, columns: columns)
        return nil
    } catch {
        return error.description
    }
}

private let nistText = """
time,event,count
54,1,1
187,1,1
216,1,1
240,1,1
244,1,1
335,1,1
361,1,1
373,1,1
375,1,1
386,1,1
500,0,10

"""

@Suite("LifetimeReader: exact times")
struct LifetimeReaderExactTests {
    @Test func nistExample() throws {
        let input = try read(nistText)
        #expect(input.rows == 11)
        #expect(input.data.failureCount == 10)
        #expect(input.data.suspensionCount == 10)
        #expect(input.data.failureTimes == [54, 187, 216, 240, 244, 335, 361, 373, 375, 386])
        #expect(input.data.suspensionTimes == [500])
        #expect(input.data.suspensionCounts == [10])
        #expect(input.data.hasOnlyExactFailures)
    }

    @Test func nistDatasetFileInTheRepository() throws {
        // Tests/LifetimeTests/Reading/<this file> -> package root.
        var root = Substring(#filePath)
        for _ in 0..<4 { root = root[..<root.lastIndex(of: "/")!] }
        let path = root + "/datasets/lifetime/nist_8_4_1_3_weibull_example.csv"
        let input = try LifetimeReader.read(CSVTable.read(path: String(path)))
        #expect(input.rows == 11)
        #expect(input.data.failureCount == 10)
        #expect(input.data.suspensionCount == 10)
    }

    @Test(arguments: ["doganaksoy_voltage_two_modes", "ic_lfp1370", "lieblein_zelen_ball_bearings",
                      "meeker_escobar_p199_lognormal_example", "nelson_insulating_fluid_voltage",
                      "nist_8_4_1_3_weibull_example", "shock_absorber"])
    func everyLifetimeDatasetReads(_ name: String) throws {
        var root = Substring(#filePath)
        for _ in 0..<4 { root = root[..<root.lastIndex(of: "/")!] }
        let table = try CSVTable.read(path: root + "/datasets/lifetime/\(name).csv")
        let input = try LifetimeReader.read(table)
        #expect(input.rows == table.rowCount)
        #expect(input.data.failureCount > 0)
    }

    @Test func eventCodesInAnyCase() throws {
        let input = try read("""
        Time,Event
        1,1
        2,0
        3,F
        4,s
        5,failure
        6,SUSPENSION
        7, f
        8,"S"
        9,Failure
        """)
        #expect(input.data.failureTimes == [1, 3, 5, 7, 9])
        #expect(input.data.suspensionTimes == [2, 4, 6, 8])
        #expect(input.rows == 9)
    }

    @Test func withoutEventColumnAllAreFailures() throws {
        let input = try read("time,lot\n5,a\n6.5,b\n0,c\n")
        #expect(input.data.failureTimes == [5, 6.5, 0])
        #expect(input.data.failureCounts == [1, 1, 1])
        #expect(input.data.suspensionCount == 0)
    }

    @Test func countsDefaultToOneAndAcceptWholeDecimals() throws {
        let input = try read("time,count,event\n5,3,1\n6,2.0,0\n7,1e1,1\n")
        #expect(input.data.failureCounts == [3, 10])
        #expect(input.data.suspensionCounts == [2])
        #expect(input.data.unitCount == 15)
        #expect(input.rows == 3)
    }

    @Test func customColumnNames() throws {
        let columns = LifetimeColumns(time: "hours", event: "status", count: "n")
        let input = try read("Hours,Status,N\n10,F,2\n20,S,1\n", columns: columns)
        #expect(input.data.failureTimes == [10])
        #expect(input.data.failureCounts == [2])
        #expect(input.data.suspensionTimes == [20])
    }

    @Test func otherColumnsAreIgnored() throws {
        let input = try read("mode,time,notes\nE,5,\"long, note\"\n,6,\n")
        #expect(input.data.failureTimes == [5, 6])
    }

    @Test func negativeZeroReadsAsZero() throws {
        let input = try read("time\n-0\n")
        #expect(input.data.failureTimes[0].sign == .plus)
    }
}

@Suite("LifetimeReader: intervals")
struct LifetimeReaderIntervalTests {
    @Test func allKindsOfInterval() throws {
        let input = try read("""
        start,end,count
        ,100,2
        0,150,1
        200,,3
        250,250,1
        100,200,4
        300,300.5,1
        """)
        #expect(input.rows == 6)
        #expect(input.data.leftCensoredTimes == [100, 150])
        #expect(input.data.leftCensoredCounts == [2, 1])
        #expect(input.data.suspensionTimes == [200])
        #expect(input.data.suspensionCounts == [3])
        #expect(input.data.failureTimes == [250])
        #expect(input.data.intervalLowerTimes == [100, 300])
        #expect(input.data.intervalUpperTimes == [200, 300.5])
        #expect(input.data.intervalCounts == [4, 1])
    }

    @Test func emptyStartWithEndZeroIsAFailureAtZero() throws {
        let input = try read("start,end\n,0\n0,0\n")
        #expect(input.data.failureTimes == [0, 0])
    }

    @Test func consistentEventColumnIsAccepted() throws {
        let input = try read("start,end,event\n10,20,F\n30,,S\n40,40,1\n")
        #expect(input.data.intervalLowerTimes == [10])
        #expect(input.data.suspensionTimes == [30])
        #expect(input.data.failureTimes == [40])
    }

    @Test func observationsPerRow() throws {
        let reader = try LifetimeReader(table("end,start,mode\n5,,A\n,7,B\n9,3,A\n"))
        #expect(reader.layout == .interval(start: 1, end: 0, event: nil))
        #expect(try reader.observation(row: 0) == .leftCensored(time: 5, count: 1))
        #expect(try reader.observation(row: 1) == .suspension(time: 7, count: 1))
        #expect(try reader.observation(row: 2) == .interval(lower: 3, upper: 9, count: 1))
    }
}

@Suite("LifetimeReader: errors")
struct LifetimeReaderErrorTests {
    @Test func fileLevelErrors() {
        #expect(readError("") == "failures.csv: empty file: expected a header row and at least one data row")
        #expect(readError("time,event,count\n")
                == "failures.csv:1: header only: expected at least one data row after the header")
        #expect(readError("time,event\n1,1\n2,1,1\n") == "failures.csv:3: expected 2 fields as in the header, found 3")
        #expect(readError("time,event\n1,\"F\n")
                == "failures.csv:2: column 'event' (2): unterminated quoted field: no closing quote before the end of the input")
    }

    @Test func headerErrors() {
        #expect(readError("t,event\n1,1\n")
                == "failures.csv:1: no 'time' column (or 'start' and 'end' columns for interval data); the header has: t, event")
        #expect(readError("time,start\n1,1\n")
                == "failures.csv:1: column 'start' (2): a 'time' column (1) is present too; use either 'time' (with 'event') or 'start' and 'end'")
        #expect(readError("end,time\n1,1\n")
                == "failures.csv:1: column 'end' (1): a 'time' column (2) is present too; use either 'time' (with 'event') or 'start' and 'end'")
        #expect(readError("start,count\n1,1\n")
                == "failures.csv:1: column 'start' (1): interval data needs an 'end' column too")
        #expect(readError("x,End\n1,1\n")
                == "failures.csv:1: column 'End' (2): interval data needs a 'start' column too")
        #expect(readError("\n\nhours\n1\n", columns: LifetimeColumns(time: "time_h"))
                == "failures.csv:3: no 'time_h' column (or 'start' and 'end' columns for interval data); the header has: hours")
    }

    @Test func timeErrors() {
        let header = "time,event,count\n1,1,1\n2,1,1\n3,1,1\n4,1,1\n5,1,1\n"
        #expect(readError(header + "-3,1,1\n")
                == "failures.csv:7: column 'time' (1): expected a non-negative number, found \"-3\"")
        #expect(readError(header + "abc,1,1\n")
                == "failures.csv:7: column 'time' (1): expected a non-negative number, found \"abc\"")
        #expect(readError(header + ",1,1\n")
                == "failures.csv:7: column 'time' (1): expected a non-negative number, found an empty field")
        #expect(readError(header + "nan,1,1\n") == "failures.csv:7: column 'time' (1): expected a finite number, found \"nan\"")
        #expect(readError(header + "-INF,1,1\n") == "failures.csv:7: column 'time' (1): expected a finite number, found \"-INF\"")
        #expect(readError(header + "Infinity,1,1\n")
                == "failures.csv:7: column 'time' (1): expected a finite number, found \"Infinity\"")
        #expect(readError(header + "1e999,1,1\n") == "failures.csv:7: column 'time' (1): expected a finite number, found \"1e999\"")
        // A decimal comma is not a decimal point.
        #expect(readError(header + "\"1,5\",1,1\n")
                == "failures.csv:7: column 'time' (1): expected a non-negative number, found \"1,5\"")
    }

    @Test func eventErrors() {
        let codes = "1, F or failure for a failure; 0, S or suspension for a suspension (any letter case)"
        #expect(readError("time,event\n1,1\n2,x\n")
                == "failures.csv:3: column 'event' (2): expected an event code: \(codes), found \"x\"")
        #expect(readError("time,event\n1,\n")
                == "failures.csv:2: column 'event' (2): expected an event code: \(codes), found an empty field")
        #expect(readError("time,event\n1,2\n")
                == "failures.csv:2: column 'event' (2): expected an event code: \(codes), found \"2\"")
        #expect(readError("time,event\n1,fail\n")
                == "failures.csv:2: column 'event' (2): expected an event code: \(codes), found \"fail\"")
        #expect(LifetimeReader.acceptedEventCodes == codes)
    }

    @Test func countErrors() {
        #expect(readError("time,count\n1,2.5\n")
                == "failures.csv:2: column 'count' (2): expected a positive whole number, found \"2.5\"")
        #expect(readError("time,count\n1,0\n")
                == "failures.csv:2: column 'count' (2): expected a positive whole number, found \"0\"")
        #expect(readError("time,count\n1,-2\n")
                == "failures.csv:2: column 'count' (2): expected a positive whole number, found \"-2\"")
        #expect(readError("time,count\n1,\n")
                == "failures.csv:2: column 'count' (2): expected a positive whole number, found an empty field")
        #expect(readError("time,count\n1,many\n")
                == "failures.csv:2: column 'count' (2): expected a positive whole number, found \"many\"")
        #expect(readError("time,count\n1,nan\n")
                == "failures.csv:2: column 'count' (2): expected a finite number, found \"nan\"")
        #expect(readError("time,count\n1,1e300\n")
                == "failures.csv:2: column 'count' (2): expected a positive whole number (at most 2^53), found \"1e300\"")
    }

    @Test func intervalErrors() {
        #expect(readError("start,end\n5,3\n")
                == "failures.csv:2: column 'end' (2): expected a number >= start (5), found \"3\"")
        #expect(readError("start,end\n-1,3\n")
                == "failures.csv:2: column 'start' (1): expected a non-negative number, found \"-1\"")
        #expect(readError("start,end\n1,-3\n")
                == "failures.csv:2: column 'end' (2): expected a non-negative number, found \"-3\"")
        #expect(readError("start,end\n1,inf\n")
                == "failures.csv:2: column 'end' (2): expected a finite number, found \"inf\"")
        #expect(readError("start,end\n,\n")
                == "failures.csv:2: column 'start' (1): expected a non-negative number, found an empty field (start and end cannot both be empty)")
        #expect(readError("start,end,event\n10,20,0\n")
                == "failures.csv:2: column 'event' (3): found \"0\" (a suspension), but 'end' is not empty; a suspension has an empty 'end'")
        #expect(readError("start,end,event\n10,,F\n")
                == "failures.csv:2: column 'event' (3): found \"F\" (a failure), but 'end' is empty; an empty 'end' means a suspension at 'start'")
    }

    @Test func lineNumbersCountQuotedNewlinesAndBlankLines() {
        let text = "time,note,event\n1,\"two\nlines\",1\n\n2,x,1\n3,\"a\nb\",Q\n"
        // Row 3 starts on line 6; its event field sits on line 7.
        #expect(readError(text)
                == "failures.csv:7: column 'event' (3): expected an event code: 1, F or failure for a failure; 0, S or suspension for a suspension (any letter case), found \"Q\"")
    }

    @Test func fileNameOverride() throws {
        let t = try table("time\nx\n", name: "<stdin>")
        do {
            _ = try LifetimeReader.read(t, file: "input.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "input.csv:2: column 'time' (1): expected a non-negative number, found \"x\"")
            #expect(error.kind == .data)
        }
    }
}

@Suite("LifetimeReader: groups and extra columns")
struct LifetimeReaderGroupTests {
    @Test func groupsInFirstAppearanceOrder() throws {
        let t = try table("""
        time,event,Lot
        10,1,B
        20,0,A
        30,1,B
        40,1, C
        50,1,"A"
        """)
        let groups = try LifetimeReader.readGrouped(t, by: "lot")
        #expect(groups.map(\.group) == ["B", "A", "C"])
        #expect(groups.map(\.input.rows) == [2, 2, 1])
        #expect(groups[0].input.data.failureTimes == [10, 30])
        #expect(groups[1].input.data.suspensionTimes == [20])
        #expect(groups[1].input.data.failureTimes == [50])
        #expect(groups[2].input.data.failureTimes == [40])
    }

    @Test func missingGroupColumn() throws {
        let t = try table("time,event\n1,1\n")
        do {
            _ = try LifetimeReader.readGrouped(t, by: "lot")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "failures.csv:1: no 'lot' column to group by; the header has: time, event")
        }
    }

    @Test func groupedReadStillValidatesEveryRow() throws {
        let t = try table("time,lot\n1,a\n-2,b\n")
        do {
            _ = try LifetimeReader.readGrouped(t, by: "lot")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "failures.csv:3: column 'time' (1): expected a non-negative number, found \"-2\"")
        }
    }

    @Test func extraColumnsPerRow() throws {
        let reader = try LifetimeReader(table("""
        time,event,count,mode,voltage_kV
        2.0,1,1,E,26
        67.0,0,1,,28
        317.0,1,2,D,30.5
        """))
        let mode = try reader.column(named: "MODE")
        let voltage = try reader.column(named: "voltage_kv")
        #expect(reader.table.strings(column: mode) == ["E", "", "D"])
        #expect(try reader.table.doubles(column: voltage, .positive) == [26, 28, 30.5])
        #expect(try reader.observation(row: 2) == .failure(time: 317, count: 2))
        #expect(reader.table.string(row: 0, column: mode) == "E")
        do {
            _ = try reader.column(named: "stress")
            Issue.record("expected an error")
        } catch {
            #expect(error.description
                    == "failures.csv:1: no 'stress' column; the header has: time, event, count, mode, voltage_kV")
        }
    }
}

/// The column-wise path for `time,event` files must give exactly the data the row-by-row path gives,
/// and leave every rejection to it.
@Suite struct TimeEventFastPathTests {
    @Test func sameDataAsRowByRow() throws {
        let text = "time,event\n5,1\n\"7.25\",0\n-0,F\n1e3,suspension\n0.001,failure\n12, S \n"
        let input = try LifetimeReader.read(try table(text))
        var expected = LifetimeData()
        try expected.addFailure(at: 5)
        try expected.addSuspension(at: 7.25)
        try expected.addFailure(at: 0)
        try expected.addSuspension(at: 1000)
        try expected.addFailure(at: 0.001)
        try expected.addSuspension(at: 12)
        #expect(input.data == expected)
        #expect(input.rows == 6)
        #expect(input.data.failureTimes[1].sign == .plus)   // "-0" reads as +0
        #expect(input.data.failureCount == 3 && input.data.suspensionCount == 3)
    }

    @Test(arguments: [("time,event\n5,1\n-1,0\n", 3, "time"), ("time,event\n5,1\nnan,0\n", 3, "time"),
                      ("time,event\n5,1\n6,2\n", 3, "event")])
    func rejectionsComeFromTheRowByRowPath(text: String, line: Int, column: String) throws {
        #expect {
            _ = try LifetimeReader.read(try table(text))
        } throws: { error in
            guard let error = error as? IngestError else { return false }
            return error.line == line && error.column == column && error.kind == .data
        }
    }
}
