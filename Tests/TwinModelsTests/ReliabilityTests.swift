import Foundation
import Testing
import TwinUnits
@testable import TwinModels

@Suite("Reliability, availability and CTMC steady state (ban-numbers.md §7)")
struct ReliabilityTests {
    @Test("exponential: R(1/λ) = e⁻¹, MTTF = 1/λ, quantile inverts F")
    func exponential() {
        let d = LifetimeDistribution.exponential(rate: .hertz(1e-3))
        #expect(isClose(d.survival(at: .seconds(1000)), exp(-1), relative: 1e-12))
        #expect(isClose(d.failureProbability(by: .seconds(1000)), 1 - exp(-1), relative: 1e-12))
        #expect(isClose(d.meanTimeToFailure.si, 1000, relative: 1e-12))
        #expect(isClose(d.quantile(0.5).si, 1000 * log(2), relative: 1e-12))
        #expect(d.hazard(at: .seconds(5)) == 1e-3)
    }

    @Test("Weibull: R(η) = e⁻¹, β = 1 is exponential, mean η·Γ(1+1/β)")
    func weibull() {
        let d = LifetimeDistribution.weibull(shape: 2, scale: .hours(100))
        #expect(isClose(d.survival(at: .hours(100)), exp(-1), relative: 1e-12))
        #expect(isClose(d.meanTimeToFailure.hours, 100 * Double.pi.squareRoot() / 2, relative: 1e-12))
        let one = LifetimeDistribution.weibull(shape: 1, scale: .seconds(1000))
        #expect(isClose(one.survival(at: .seconds(300)), exp(-0.3), relative: 1e-12))
        #expect(isClose(d.failureProbability(by: d.quantile(0.9)), 0.9, relative: 1e-12))
    }

    @Test("availability MTBF/(MTBF+MTTR), series and parallel")
    func availability() throws {
        let a = try Availability.steadyState(meanTimeBetweenFailures: .hours(999), meanTimeToRepair: .hours(1))
        #expect(isClose(a, 0.999, relative: 1e-12))
        #expect(isClose(Availability.series([0.9, 0.9]), 0.81, relative: 1e-12))
        #expect(isClose(Availability.parallel([0.9, 0.9]), 0.99, relative: 1e-12))
        #expect(throws: ModelDomainError.self) {
            try Availability.steadyState(meanTimeBetweenFailures: .zero, meanTimeToRepair: .hours(1))
        }
    }

    @Test("2-state CTMC equals MTBF/(MTBF+MTTR); 3-state with independent repair equals 1 − (1−A)²")
    func gateways() throws {
        let lambda = Frequency.hertz(1.0 / (999 * 3600)), mu = Frequency.hertz(1.0 / 3600)
        let one = try MarkovChain.singleGatewayAvailability(failureRate: lambda, repairRate: mu)
        #expect(isClose(one, 0.999, relative: 1e-12))
        let two = try MarkovChain.redundantGatewayAvailability(failureRate: lambda, repairRate: mu)
        #expect(isClose(two, 1 - 0.001 * 0.001, relative: 1e-12))
        let crew = try MarkovChain.redundantGatewayAvailability(failureRate: lambda, repairRate: mu, policy: .singleCrew)
        #expect(crew < two && crew > one)
        // Closed form for one crew: P(0 up) = 2ρ²/(1 + 2ρ + 2ρ²), ρ = λ/μ.
        let rho = lambda.si / mu.si
        #expect(isClose(1 - crew, 2 * rho * rho / (1 + 2 * rho + 2 * rho * rho), relative: 1e-9))
    }

    @Test("a reducible chain is reported as singular")
    func singular() {
        #expect(throws: ModelDomainError.self) { try MarkovChain.steadyState(generator: [[0, 0], [0, 0]]) }
        #expect(throws: ModelDomainError.self) { try MarkovChain.steadyState(generator: [[0, 0, 0], [0, 0]]) }
    }
}
