import Foundation
import Testing

/// Runs the built `relmodel` next to the test executable and captures its output.
enum SPCDesignCLI {
    struct Result {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    static var executable: URL {
        // The test bundle and `relmodel` are built into the same directory.
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        while !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("relmodel").path),
              directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("relmodel")
    }

    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      standardOutput: String(decoding: output, as: UTF8.self),
                      standardError: String(decoding: error, as: UTF8.self))
    }

    /// The `arl` member of each element of the document's `arl` array.
    static func arls(_ json: String) throws -> [Double] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rows = try #require(document["arl"] as? [[String: Any]])
        return try rows.map { try #require($0["arl"] as? Double) }
    }
}

@Suite("relmodel spc arl / study subgroup-size (end to end)")
struct SPCDesignCLITests {
    /// Champ & Woodall (1987): 91.75 with the four Western Electric rules.
    @Test func westernElectricJSON() throws {
        let result = try SPCDesignCLI.run(["spc", "arl", "--chart", "shewhart", "--rules", "we", "--shifts", "0", "--json"])
        #expect(result.status == 0)
        let arls = try SPCDesignCLI.arls(result.standardOutput)
        #expect(arls.count == 1)
        #expect(abs(arls[0] - 91.75) <= 0.005)
        #expect(result.standardOutput.hasPrefix("{\"chart\": \"shewhart\""))
    }

    /// One `arl` per shift asked: rule 1 alone 370.40 (Champ & Woodall) and, with n 5, the Xbar OC
    /// values 4.50 at 1 sigma and 33.40 at 0.5 sigma (Montgomery; qcc).
    @Test func shewhartShiftsWithSubgroups() throws {
        let result = try SPCDesignCLI.run(["spc", "arl", "--shifts", "0,0.5,1", "--n", "5", "--json"])
        #expect(result.status == 0)
        let arls = try SPCDesignCLI.arls(result.standardOutput)
        #expect(arls.count == 3)
        #expect(abs(arls[0] - 370.40) <= 0.005)
        #expect(abs(arls[1] - 33.40) <= 0.005)
        #expect(abs(arls[2] - 4.50) <= 0.005)
    }

    /// EWMA lambda 0.5, L 3.071: 500 and 17.5 (Lucas & Saccucci 1990); the critical L for 500 is
    /// 3.071; CUSUM k 0.5, h 5: 465 and 10.4 (Montgomery Table 9.3).
    @Test func ewmaAndCUSUM() throws {
        let ewma = try SPCDesignCLI.run(["spc", "arl", "--chart", "ewma", "--lambda", "0.5", "--L", "3.071", "--shifts", "0,1", "--json"])
        #expect(ewma.status == 0)
        let ewmaARLs = try SPCDesignCLI.arls(ewma.standardOutput)
        #expect(abs(ewmaARLs[0] - 500) <= 0.5 && abs(ewmaARLs[1] - 17.5) <= 0.05)

        let target = try SPCDesignCLI.run(["spc", "arl", "--chart", "ewma", "--lambda", "0.5", "--target-arl", "500", "--shifts", "0", "--json"])
        #expect(target.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(target.standardOutput.utf8)) as? [String: Any])
        #expect(abs(try #require(document["L"] as? Double) - 3.071) <= 0.0005)

        let cusum = try SPCDesignCLI.run(["spc", "arl", "--chart", "cusum", "--k", "0.5", "--h", "5", "--shifts", "0,1", "--json"])
        #expect(cusum.status == 0)
        let cusumARLs = try SPCDesignCLI.arls(cusum.standardOutput)
        #expect(abs(cusumARLs[0] - 465) <= 0.5 && abs(cusumARLs[1] - 10.4) <= 0.05)
    }

    @Test func tableOutput() throws {
        let result = try SPCDesignCLI.run(["spc", "arl", "--rules", "1,2,3,4", "--shifts", "0"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("91.751"))
    }

    /// Impossible arguments are usage errors: exit 64.
    @Test(arguments: [
        ["spc", "arl", "--chart", "ewma", "--lambda", "1.5", "--L", "3"],
        ["spc", "arl", "--chart", "ewma", "--lambda", "0", "--L", "3"],
        ["spc", "arl", "--chart", "cusum", "--h=-5"],
        ["spc", "arl", "--n", "0"],
        ["spc", "arl", "--rules", "5"],
        ["spc", "arl", "--shifts", "0,x"],
        ["spc", "arl", "--chart", "ewma", "--L", "3"],
        ["spc", "arl", "--chart", "cusum", "--k", "0.5", "--target-arl", "1.1"],
        ["study", "subgroup-size", "--sizes", "0,5"],
        ["study", "subgroup-size", "--interval", "1", "--intervals", "1,2"],
    ])
    func impossibleArgumentsExit64(arguments: [String]) throws {
        let result = try SPCDesignCLI.run(arguments)
        #expect(result.status == 64)
        #expect(!result.standardError.isEmpty)
    }

    /// ATS = ARL × interval; rule 1 at n 5, 1 sigma: ARL 4.50 (Montgomery), so ATS 9.0 every 2 h.
    @Test func subgroupSizeStudyJSON() throws {
        let result = try SPCDesignCLI.run(["study", "subgroup-size", "--sizes", "1,5", "--interval", "2", "--shift", "1", "--json"])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let rows = try #require(document["rows"] as? [[String: Any]])
        #expect(rows.count == 2)
        let five = rows[1]
        #expect(five["n"] as? Int == 5)
        #expect(abs(try #require(five["arl"] as? Double) - 4.50) <= 0.005)
        #expect(abs(try #require(five["ats"] as? Double) - 9.0) <= 0.01)
        #expect(abs(try #require(five["inControlARL"] as? Double) - 370.40) <= 0.005)
        let text = try SPCDesignCLI.run(["study", "subgroup-size", "--sizes", "2,3,4,5,6", "--intervals", "0.5,1", "--rules", "we"])
        #expect(text.status == 0)
        #expect(text.standardOutput.contains("ATS1 (h)"))
    }
}
