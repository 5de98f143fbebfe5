/// Optimal-string-alignment distance between two header names (insertions, deletions, substitutions
/// and transpositions of adjacent characters, each costing 1), compared ignoring ASCII letter case.
///
/// Used to tell a misspelt column (`evnt`, `tme`, `cnt`) from an unrelated one: a column that no reader
/// uses but lies this close to a name a reader looks for is far more often a typo than a coincidence,
/// and a typo left unnoticed silently changes what the data mean (every row a failure without `event`).
/// - Complexity: O(m n) time and O(n) space for names of m and n characters.
public func headerEditDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.lowercased()), y = Array(b.lowercased())
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var twoBack = [Int](repeating: 0, count: y.count + 1)
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        current[0] = i
        for j in 1...y.count {
            let cost = x[i - 1] == y[j - 1] ? 0 : 1
            var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { best = min(best, twoBack[j - 2] + 1) }
            current[j] = best
        }
        (twoBack, previous, current) = (previous, current, twoBack)
    }
    return previous[y.count]
}

/// True when `name` is close enough to `known` to be taken for a misspelling of it: one edit, or two
/// when `name` is an abbreviation of `known` longer than four characters (its letters in order, as
/// `cnt` in `count`), and never an exact match (ignoring case). Two edits in general would also catch
/// ordinary words (`amount`, `cost`, `country` are two edits from `count`).
public func looksLikeMisspelling(_ name: String, of known: String) -> Bool {
    guard name.count >= 2 else { return false }
    let distance = headerEditDistance(name, known)
    let allowed = known.count > 4 && isAbbreviation(name, of: known) ? 2 : 1
    return distance > 0 && distance <= allowed
}

/// True when the letters of `name` appear in `known` in order (ignoring case).
func isAbbreviation(_ name: String, of known: String) -> Bool {
    var rest = Substring(known.lowercased())
    for c in name.lowercased() {
        guard let i = rest.firstIndex(of: c) else { return false }
        rest = rest[rest.index(after: i)...]
    }
    return true
}
