/// The families fitted through the general core, by their names in the CLI and JSON contract
/// (../shared/design/CLI.md, "Special lifetime models").
///
/// The standard families (`LifetimeFamily`) keep their fast paths; the models here are the ones
/// that have only the general core: defective subpopulations, mixtures, competing risks and the
/// bathtub families. Adding a model is one file defining it and one line here.
public enum FamilyCatalog {
    /// The family named `name`, nil when there is none.
    public static func family(named name: String) -> (any ParametricFamily)? {
        entries.first { $0.name == name }
    }

    /// Every family in the catalog, in the order `--help` lists them.
    public static var entries: [any ParametricFamily] {
        let bathtub: [any ParametricFamily] = [ChenDistribution(), ModifiedWeibullDistribution(), WeibullExtensionDistribution(),
                                               ExponentialPowerDistribution(), HjorthDistribution(), AdditiveWeibullDistribution(),
                                               WeibullExponentialWeibullDistribution()]
        let subpopulations: [any ParametricFamily] = [DefectiveSubpopulationFamily.weibull, DefectiveSubpopulationFamily.lognormal]
        return subpopulations + (2...4).compactMap { try? MixtureFamily.weibull($0) }
            + (2...4).compactMap { try? MixtureFamily.lognormal($0) } + bathtub
    }

    /// Their names.
    public static var names: [String] { entries.map(\.name) }
}
