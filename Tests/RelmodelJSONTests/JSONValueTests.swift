import Testing
import RelmodelJSON

@Suite struct JSONValueTests {
    @Test func objectsKeepKeyOrderAndEscapeStrings() {
        let doc = JSONValue.object([("b", .number(1)), ("a", .string("x\"y\\\n\u{1}")), ("c", .array([.null, .bool(true)]))])
        #expect(doc.serialized() == #"{"b": 1, "a": "x\"y\\\n\u0001", "c": [null, true]}"#)
    }

    @Test func numbersRoundTripAndNonFiniteIsNull() {
        #expect(JSONValue.number(606.5275716).serialized() == "606.5275716")
        #expect(JSONValue.number(20.0).serialized() == "20")
        #expect(JSONValue.number(-0.5).serialized() == "-0.5")
        #expect(JSONValue.number(1e-7).serialized() == "1e-07")
        #expect(JSONValue.number(Double.infinity).serialized() == "null")
        #expect(JSONValue.number(Double?.none).serialized() == "null")
        let x = 0.1 + 0.2
        #expect(Double(JSONValue.number(x).serialized()) == x)
    }
}
