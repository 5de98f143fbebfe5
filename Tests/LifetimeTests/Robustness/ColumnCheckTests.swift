import Ingest
import Testing
@testable import Lifetime

/// Issue 10, item 3: an unread column that looks like a misspelling of a column the file lacks is a
/// data error naming it and the likely intended name; mapping and ignoring columns are explicit.
@Suite struct ColumnCheckTests {
    func read(_ text: String, _ columns: LifetimeColumns = .init()) throws(IngestError) -> LifetimeInput {
        try LifetimeReader.read(try CSVTable.parse(bytes: Array(text.utf8), name: "f.csv"), columns: columns)
    }

    @Test func misspeltEventIsAnErrorNotEveryRowAFailure() {
        #expect {
            _ = try read("time,evnt\n10,1\n20,0\n")
        } throws: { error in
            let e = error as! IngestError
            return e.line == 1 && e.column == "evnt" && e.columnIndex == 2 && e.kind == .data
                && e.message.contains("close to 'event'") && e.message.contains("--ignore-column evnt")
                && e.message.contains("--columns event=evnt")
        }
    }

    @Test(arguments: [("time,event,cnt\n1,1,2\n", "cnt", "count"), ("time,Evnet\n1,1\n", "Evnet", "event"),
                      ("start,end,evnt\n,5,1\n", "evnt", "event")])
    func otherNearMisses(_ text: String, _ column: String, _ intended: String) {
        #expect {
            _ = try read(text)
        } throws: { error in
            let e = error as! IngestError
            return e.column == column && e.message.contains("close to '\(intended)'")
        }
    }

    @Test func missingTimeColumnSuggestsTheNearestName() {
        #expect {
            _ = try read("tme,event\n1,1\n")
        } throws: { error in
            (error as! IngestError).message.hasSuffix("did you mean 'tme' for 'time'? (rename the column or map it with --columns time=NAME)")
        }
    }

    @Test func ignoredAndMappedColumnsAreRead() throws {
        let ignored = try read("time,evnt\n10,1\n20,0\n", LifetimeColumns(ignored: ["EVNT"]))
        #expect(ignored.data.failureCount == 2)
        #expect(ignored.unusedColumns == ["evnt"])
        let mapped = try read("hours,status,n\n10,1,2\n20,0,1\n", try LifetimeColumns(mapping: "time=hours, event=status,count=n"))
        #expect(mapped.data.failureCount == 2 && mapped.data.suspensionCount == 1)
        #expect(mapped.usedColumns.map(\.role) == ["time", "event", "count"])
        #expect(mapped.usedColumns.map(\.name) == ["hours", "status", "n"])
    }

    @Test func unrelatedColumnsAndPresentRolesAreFine() throws {
        // 'lot' and 'mode' are far from every name; 'events' sits beside a present 'event'.
        let input = try read("time,event,lot,mode,events\n1,1,a,x,3\n")
        #expect(input.unusedColumns == ["lot", "mode", "events"])
        // Every bundled lifetime file reads without a complaint.
        for name in ["nist_8_4_1_3_weibull_example", "shock_absorber", "doganaksoy_voltage_two_modes", "ic_lfp1370",
                     "lieblein_zelen_ball_bearings", "meeker_escobar_p199_lognormal_example", "gehan_6mp_leukaemia"] {
            _ = try read(readText(packageRoot + "/datasets/lifetime/\(name).csv"))
        }
    }

    @Test func groupAndStressColumnsCountAsRead() throws {
        let table = try CSVTable.parse(bytes: Array("time,event,evnt2\n1,1,a\n2,1,b\n".utf8), name: "g.csv")
        let groups = try LifetimeReader.readGrouped(table, by: "evnt2")
        #expect(groups.count == 2 && groups[0].input.unusedColumns.isEmpty)
    }

    /// One column, one role; one role, one mapping.
    @Test func aColumnReadInTwoRolesIsAnError() {
        #expect {
            _ = try read("time,event\n1,1\n", try LifetimeColumns(mapping: "count=time"))
        } throws: { error in
            (error as! IngestError).message.contains("read as both 'time' and 'count'")
        }
        #expect(throws: LifetimeColumnsError.repeatedRole("TIME")) { try LifetimeColumns(mapping: "time=time,TIME=event") }
    }

    /// Ordinary words two edits from a known name are not misspellings unless they abbreviate it.
    @Test func ordinaryWordsAreNotMisspellings() throws {
        for name in ["amount", "cost", "country"] {
            #expect(!looksLikeMisspelling(name, of: "count"), "\(name)")
            _ = try read("time,event,\(name)\n1,1,3\n")
        }
        #expect(looksLikeMisspelling("cnt", of: "count") && looksLikeMisspelling("evnt", of: "event"))
        #expect(looksLikeMisspelling("coutn", of: "count"))      // one transposition
    }

    @Test func mappingErrors() {
        #expect(throws: LifetimeColumnsError.unknownRole("foo")) { try LifetimeColumns(mapping: "foo=bar") }
        #expect(throws: LifetimeColumnsError.malformed("time")) { try LifetimeColumns(mapping: "time") }
        #expect(throws: LifetimeColumnsError.malformed("time=")) { try LifetimeColumns(mapping: "time=") }
    }

    @Test func editDistance() {
        #expect(headerEditDistance("evnt", "event") == 1)
        #expect(headerEditDistance("cnt", "count") == 2)
        #expect(headerEditDistance("tiem", "time") == 1)      // a transposition is one edit
        #expect(headerEditDistance("TIME", "time") == 0)
        #expect(headerEditDistance("", "abc") == 3)
        #expect(headerEditDistance("lot", "count") == 3)
        #expect(looksLikeMisspelling("tme", of: "time") && !looksLikeMisspelling("time", of: "time"))
        #expect(!looksLikeMisspelling("end", of: "event") && !looksLikeMisspelling("t", of: "time"))
    }
}
