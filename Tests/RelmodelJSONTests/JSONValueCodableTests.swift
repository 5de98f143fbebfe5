import Foundation
import RelmodelJSON
import Testing

@Suite struct JSONValueCodableTests {
    static let document = JSONValue.object([
        ("b", .number(1.5)), ("a", .array([.null, .bool(true), .number(-2), .string("x\"y")])),
        ("c", .object([("z", .number(1e-7)), ("y", .number(Double.nan))])),
    ])

    /// Foundation's encoder receives the same members and values (it does not keep their order, so
    /// `.sortedKeys` makes its text deterministic), and a non-finite number becomes null as in `serialized()`.
    @Test func foundationEncoderGetsTheSameDocument() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(Self.document), as: UTF8.self)
        #expect(text == #"{"a":[null,true,-2,"x\"y"],"b":1.5,"c":{"y":null,"z":1e-07}}"#)
    }

    /// Decoding gives the same values; objects come back with their members sorted by key.
    @Test func decodingRecoversValuesWithSortedMembers() throws {
        let text = #"{"b": 1.5, "a": [null, true, -2, "x\"y"], "c": {"z": 1e-07, "y": null}}"#
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(decoded.serialized() == #"{"a": [null, true, -2, "x\"y"], "b": 1.5, "c": {"y": null, "z": 1e-07}}"#)
        #expect(decoded["a"]?.arrayValue?[1].boolValue == true)
        #expect(decoded["c"]?["z"]?.doubleValue == 1e-7)
        #expect(decoded["c"]?["y"]?.isNull == true)
    }

    /// A number is never read as a Boolean, nor a string as a number.
    @Test func scalarsKeepTheirKind() throws {
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(#"[1, 0, "1", false]"#.utf8))
        #expect(decoded.serialized() == #"[1, 0, "1", false]"#)
    }

    @Test func prettyPutsLeafContainersOnOneLine() {
        let text = Self.document.pretty()
        #expect(text == """
        {
          "b": 1.5,
          "a": [null, true, -2, "x\\"y"],
          "c": {"z": 1e-07, "y": null}
        }

        """)
    }

    @Test func replacingSetsOrAppendsAMember() {
        let doc = JSONValue.object([("a", .number(1))])
        #expect(doc.replacing("a", with: .number(2)).serialized() == #"{"a": 2}"#)
        #expect(doc.replacing("b", with: .null).serialized() == #"{"a": 1, "b": null}"#)
        #expect(JSONValue.number(1).replacing("a", with: .null) == .number(1))
    }
}
