import RelmodelJSON
import Testing

@Suite struct EnvelopeTests {
    struct Result: JSONRepresentable { var json: JSONValue }

    @Test func membersGoInFront() {
        let result = Result(json: .object([("a", .number(1))]))
        #expect(CommandDocument(command: "fit", file: "x.csv", result: result).json.serialized() == #"{"command": "fit", "file": "x.csv", "a": 1}"#)
        #expect(GroupedDocument(group: "lot 7", result: result).json.serialized() == #"{"group": "lot 7", "a": 1}"#)
    }

    @Test func aResultThatIsNotAnObjectIsNested() {
        let result = Result(json: .array([.number(1)]))
        #expect(GroupedDocument(group: "g", result: result).json.serialized() == #"{"group": "g", "result": [1]}"#)
    }

    @Test func failureLine() {
        #expect(GroupFailure(key: "context", value: "tool=F3", message: "no limits").json.serialized()
                == #"{"context": "tool=F3", "error": "no limits"}"#)
        #expect(GroupFailure(value: "L1", message: "no failures").json.serialized() == #"{"group": "L1", "error": "no failures"}"#)
    }
}
