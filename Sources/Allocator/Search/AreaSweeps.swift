/// Step 3 of `HybridSearch`: neighbourhood search by area. The projects are
/// grouped by area (`NeighbourhoodSearch.regions`); batches of groups, each
/// group on its own thread, are re-solved by GLPK with the rest of the
/// decision fixed. Slices of work (`SearchWork`) go either to a stretch of
/// batches or to more Lagrangian steps: to whichever closed the gap faster in
/// its last slice.
struct AreaSweeps {
    let incumbent: SearchIncumbent
    let steps: BoundSteps
    /// The area groups (`regions(of:)`).
    let regions: [[Int]]
    /// Work units in one slice.
    let slice: Double

    /// Most projects per area group (and at most an eighth of all projects):
    /// about a tambon. Larger groups (a district) leave GLPK unable to improve
    /// them within `SearchWork.groupUnits`; measured in docs/decisions.md.
    static let regionSize = 150
    /// Area groups solved at once, each on its own thread. Fixed rather than
    /// the number of cores, so that which groups are solved together (and so
    /// the decision) does not depend on the machine.
    static let parallelGroups = 2

    /// The area groups of `model`: its projects grouped by area, in groups
    /// small against the model, so that each sub-model is quick for GLPK.
    static func regions(of model: AllocationModel) -> [[Int]] {
        let size = max(20, min(regionSize, model.scenario.projects.count / 8))
        return NeighbourhoodSearch(model: model).regions(size: size)
    }

    /// Runs until the work count reaches `end`, the gap is proven, the
    /// decision is a local optimum of every group and the bound has converged,
    /// or the search must stop (`SearchIncumbent.mustStop`).
    func run(untilWork end: Double) throws(SolverFailure) {
        let model = incumbent.model
        let search = NeighbourhoodSearch(model: model)
        // Groups small against the model, so that each sub-model is quick for GLPK.
        // One group is the whole model: GLPK on the whole model does that better.
        guard regions.count >= 2 else { return }
        // Groups are solved `width` at a time, taken far apart in area order so
        // that they share few rows (batch `b` holds groups b, b + batches, ...).
        let width = min(Self.parallelGroups, regions.count)
        let areaBatches = (regions.count + width - 1) / width
        // Each sweep starts with the funders whose money spans areas, `width`
        // at a time, each re-solved alone; then the area batches.
        let funders = search.spanningFunders()
        var columnsOf = Array(repeating: [Int](), count: model.scenario.funders.count)
        for (j, c) in model.choices.enumerated() { columnsOf[c.funder].append(j) }
        let funderBatches = (funders.count + width - 1) / width
        let batches = funderBatches + areaBatches
        var next = 0
        var sweep = 0
        // Batches solved in a row without improving the decision; once every
        // batch has been, the decision is a local optimum for all of them and
        // sweeping again is pointless until the relaxation's rounding moves it.
        var unchanged = 0
        var settledValue: Double?
        // Each slice goes to whichever closed the gap faster (value per unit of
        // work) in its last slice: the bound or the decision.
        var relaxRate = Double.infinity
        var searchRate = Double.infinity
        func rate(_ gain: Double, since from: Double) -> Double {
            gain / max(1e-3, incumbent.work - from)
        }
        search: while incumbent.work < end, !incumbent.mustStop {
            let settled = settledValue == incumbent.value
            if !steps.relaxation.hasConverged, settled || relaxRate >= searchRate {
                let (from, before) = (incumbent.work, steps.bound)
                steps.run(untilWork: min(end, incumbent.work + slice))
                relaxRate = rate(before - steps.bound, since: from)
                if incumbent.reached(steps.bound) { break }
                continue
            }
            if settled { break }
            let (from, before) = (incumbent.work, incumbent.value ?? 0)
            defer { searchRate = rate((incumbent.value ?? 0) - before, since: from) }
            let sliceEnd = min(end, incumbent.work + slice)
            while incumbent.work < sliceEnd, settledValue != incumbent.value, !incumbent.mustStop {
                guard let current = incumbent.columns else { break search }
                let parts: [[Int]]
                if next < funderBatches {
                    let first = next * width
                    let fundedBy = search.funders(of: current)
                    parts = funders[first ..< min(funders.count, first + width)].map { f in
                        search.funderPart(f, columnsOf: columnsOf, fundedBy: fundedBy)
                    }.filter { !$0.isEmpty }
                } else {
                    parts = stride(from: next - funderBatches, to: regions.count, by: areaBatches).map { r in
                        regions[r].flatMap { Array(model.choices(ofProject: $0)) }
                    }.filter { !$0.isEmpty }
                }
                var improved = false
                if !parts.isEmpty {
                    let (found, work) = try search.improve(
                        current, parts: parts, timeLimit: incumbent.secondsLeft, threads: incumbent.threads)
                    incumbent.spend(work + SearchWork.batch(model.linear))
                    improved = incumbent.offer(found)
                }
                if improved {
                    unchanged = 0
                } else {
                    unchanged += 1
                    if unchanged >= batches { settledValue = incumbent.value }
                }
                incumbent.report(steps.bound)
                if incumbent.reached(steps.bound) { break search }
                next += 1
                if next == batches {
                    next = 0
                    sweep += 1
                    incumbent.note(
                        "neighbourhood sweep \(sweep) over \(regions.count) area groups and \(funders.count) funders, \(width) at a time; bound \(NumberFormat.fixed(steps.bound, decimals: 3))")
                }
            }
        }
    }
}
