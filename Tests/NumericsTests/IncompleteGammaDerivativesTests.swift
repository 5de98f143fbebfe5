import Testing
import RelmodelNumerics

/// ln P(a, x) and ln Q(a, x) with their partial derivatives in shape and argument, against mpmath at
/// 40 digits (scripts/reference/incomplete_gamma_derivatives.py): both tails, shapes from 0.05 to 30,
/// points on both sides of the series / continued-fraction switch, and the complement branches.
@Suite struct IncompleteGammaDerivativesTests {
    /// (a, x, upper, [value, f_a, f_x, f_aa, f_ax, f_xx]).
    static let reference: [(Double, Double, Bool, [Double])] = [
        (0.3, 0.2, false, [-0.41930028795632036, -1.5564560322284771, 1.284165167143674, -0.96402863385010273, 4.4297821181765603, -7.4278234286516727]),
        (0.3, 0.2, true, [-1.0715032543768821, 2.9880303636277261, -2.4652957949891566, -11.728354567663455, 2.699360971733613, 5.0161477206599867]),
        (0.3, 2.5, false, [-0.011916036651282463, -0.056148532748366877, 0.014621160204170877, -0.11995900713816914, 0.06542915804864915, -0.018928863387054752]),
        (0.3, 2.5, true, [-4.4358222703339107, 4.6839955917940841, -1.2197193157330265, -12.195652230915448, 0.32344594598523705, 0.073525514966031538]),
        (0.7, 0.9, false, [-0.31347083498303925, -0.62532563168957957, 0.4422905513595086, -0.47537332364002554, 0.76958054809404163, -0.7853416669679096]),
        (0.7, 0.9, true, [-1.3126933867269305, 1.6984902997311941, -1.2013360289056664, -2.6557843776767185, 0.70137272412683811, 0.15857311752738579]),
        (1.7, 0.8, false, [-1.2971672143099013, -1.137847312499173, 1.5477069149230558, -0.36338358593873466, 1.0929223482578804, -2.5888600588660251]),
        (1.7, 0.8, true, [-0.319248300320313, 0.42793637153895357, -0.58208168539168716, -0.53338977743502529, 0.50037359731027696, -0.26605887779446612]),
        (1.7, 5.0, false, [-0.026266051668341276, -0.042263707031480277, 0.023486729670120449, -0.048473241578009441, 0.033894961871656391, -0.020750213986900902]),
        (1.7, 5.0, true, [-3.6525822646405224, 1.5880227071869678, -0.88249381451399906, -0.76759117889099917, 0.16514342343875558, -0.019850652173429379]),
        (4.5, 3.0, false, [-1.3467594361619003, -0.64743708363192854, 0.76963867744188086, -0.14902286198389632, 0.27489834674439994, -0.46407058090750739]),
        (4.5, 3.0, true, [-0.30121551496853246, 0.22757450960640358, -0.27052844055582528, -0.14674871199552866, 0.14008859380659497, -0.11827371057553757]),
        (4.5, 9.0, false, [-0.035807027459703685, -0.034587331342601278, 0.024049441077866505, -0.025478791745319013, 0.020272259486406719, -0.01527525627485397]),
        (4.5, 9.0, true, [-3.3474611987489367, 0.94874650047339344, -0.65968729518207727, -0.23403948645656184, 0.092615379147384436, -0.032045091480042372]),
        (30.0, 25.0, false, [-1.7031777879358342, -0.27432072043974819, 0.2992540927175301, -0.025072359505210544, 0.032546400094722285, -0.041672357173387285]),
        (30.0, 25.0, true, [-0.20101998709648396, 0.061077291359739381, -0.066628686969774666, -0.014902861081900867, 0.015100698908523765, -0.015099971842480167]),
        (30.0, 40.0, false, [-0.044190873400369428, -0.016749224050782033, 0.014474831093073069, -0.0051108603527568067, 0.004649178894503329, -0.0041900992857680887]),
        (30.0, 40.0, true, [-3.1412510653442775, 0.3707070484303252, -0.32036838809795947, -0.030515175357134633, 0.021229444145742543, -0.014534597365545925]),
        (0.05, 0.01, false, [-0.20388052332397878, -4.1163760466770182, 4.952601524172324, -1.5151774889692396, 99.096855746801251, -499.97800817777712]),
        (0.05, 0.01, true, [-1.6904300184089067, 18.201839693775735, -21.899471279575042, -399.53275563666409, 50.569490154719524, 1622.7624005142718]),
    ]

    /// Every value and derivative to 1e-12 relative (the printed 17 digits of a 40-digit reference;
    /// what is left is the incomplete gamma's own rounding).
    @Test(arguments: reference.indices)
    func valueAndDerivativesMatchMpmath(index: Int) {
        let (a, x, upper, expected) = Self.reference[index]
        let r = logIncompleteGammaWithDerivatives(a, x, upper: upper)
        let got = [r.value, r.first.a, r.first.x, r.second.aa, r.second.ax, r.second.xx]
        for (name, (g, e)) in zip(["value", "f_a", "f_x", "f_aa", "f_ax", "f_xx"], zip(got, expected)) {
            #expect(abs(g - e) <= 1e-12 * abs(e), "a \(a) x \(x) upper \(upper) \(name): \(g) against \(e)")
        }
    }

    /// Through the hyper-dual chain rule: seeding a along e1 and x along e2 gives f_a, f_x and f_ax;
    /// a plain Double gives the value alone.
    @Test func hyperDualSeedsGiveThePartials() {
        let (a, x) = (4.5, 3.0)
        let r = HyperDual.logRegularizedGammaQ(HyperDual(a, e1: 1, e2: 0), HyperDual(x, e1: 0, e2: 1))
        #expect(abs(r.e1 - 0.22757450960640358) <= 1e-12 * 0.23)
        #expect(abs(r.e2 - -0.27052844055582528) <= 1e-12 * 0.28)
        #expect(abs(r.e12 - 0.14008859380659497) <= 1e-12 * 0.15)
        #expect(Double.logRegularizedGammaQ(a, x) == logRegularizedGammaQ(a, x))
    }

    /// Outside the domain the value is what the incomplete gamma gives and the derivatives are NaN:
    /// a likelihood treats the point as impossible rather than trapping.
    @Test func outsideTheDomainDerivativesAreNaN() {
        let r = logIncompleteGammaWithDerivatives(-1, 2, upper: true)
        #expect(r.value.isNaN && r.first.a.isNaN)
        let zero = logIncompleteGammaWithDerivatives(2, 0, upper: false)
        #expect(zero.value == -.infinity && zero.second.xx.isNaN)
    }
}
