/// The guideline's plan cycle behind one Thai fiscal year: its five stages
/// with real dates, the plans due at each stage, and the deadlines for sending
/// the annual provincial action plan to ministries and departments and to the
/// Budget Bureau.
///
/// The reading (docs/calendar.md): fiscal year N (BE) runs 1 October N-1 to
/// 30 September N. Its budget requests reach the Budget Bureau in early
/// February N-1, eight months before it starts. The plans in them come from
/// the cycle that started in October N-3: stages 1-4 and the review of the
/// provincial development plan run October N-3 to June N-2, then the annual
/// provincial action plan is drawn up in October-November N-2 from that
/// reviewed plan, and sent to ministries and departments by 31 January N-1
/// and to the Budget Bureau by 5 February N-1 (the tool's reading of "early
/// February"). So the cycle spans 17 months and overlaps the next one: each
/// October the province both starts a cycle (stage 1) and finishes the action
/// plan of the previous one (stage 5).
public struct PlanCalendar: Sendable, Hashable {
    /// Fiscal years accepted, as in scenario files: BE 2400 ... 2700.
    public static let fiscalYears = ScenarioDecoder.fiscalYears
    /// "Sent to ministries and departments by January": by 31 January.
    public static let ministriesDeadlineDay = 31
    /// "Sent to the Budget Bureau by early February": the tool reads it as by 5 February.
    public static let budgetBureauDeadlineDay = 5

    /// What a dated entry is.
    public enum Kind: String, Sendable, CaseIterable {
        /// Work done during a span of whole months.
        case work
        /// A plan (or the work's outcome) due on the last day of that work.
        case due
        /// A submission deadline of the annual provincial action plan.
        case deadline
    }

    /// One dated line of the calendar: who does what, from when to when.
    public struct Entry: Sendable, Hashable {
        public let kind: Kind
        /// The level that does the work or owes the plan.
        public let level: Level
        /// First day (for `due` and `deadline`, the same as `end`).
        public let start: ThaiDate
        /// Last day: the last day of a month, or the deadline.
        public let end: ThaiDate
        /// What, in Thai: the work, or the name of the plan due.
        public let thai: String
        /// What, in English.
        public let english: String
    }

    /// One of the guideline's five stages.
    public struct Stage: Sendable, Hashable {
        /// 1 ... 5.
        public let number: Int
        /// Work entries, each followed by what is due at its end, in date order.
        public let entries: [Entry]
        /// The first day of the stage's earliest work.
        public var start: ThaiDate { entries.map(\.start).min()! }
        /// The stage's last due date or deadline.
        public var end: ThaiDate { entries.map(\.end).max()! }
        /// The plans due and deadlines of the stage.
        public var due: [Entry] { entries.filter { $0.kind != .work } }
    }

    /// The fiscal year served, BE.
    public let fiscalYear: Int
    /// The five stages, in order.
    public let stages: [Stage]

    /// The calendar of the cycle that prepares fiscal year `fiscalYear` (BE, within `fiscalYears`).
    public init(fiscalYear: Int) {
        precondition(Self.fiscalYears.contains(fiscalYear), "fiscal year \(fiscalYear) is outside \(Self.fiscalYears)")
        self.fiscalYear = fiscalYear
        let s = fiscalYear - 3 // the cycle starts in October of this BE year
        let t = fiscalYear - 2 // community, LAO, district and provincial plans; the action plan
        let u = fiscalYear - 1 // submissions
        func work(_ level: Level, _ from: (year: Int, month: Int), _ to: (year: Int, month: Int),
                  _ thai: String, _ english: String) -> Entry {
            Entry(kind: .work, level: level,
                  start: .firstDay(ofMonth: from.month, buddhistYear: from.year),
                  end: .lastDay(ofMonth: to.month, buddhistYear: to.year), thai: thai, english: english)
        }
        func due(_ after: Entry, _ thai: String, _ english: String) -> Entry {
            Entry(kind: .due, level: after.level, start: after.end, end: after.end, thai: thai, english: english)
        }
        func deadline(_ date: ThaiDate, _ thai: String, _ english: String) -> Entry {
            Entry(kind: .deadline, level: .province, start: date, end: date, thai: thai, english: english)
        }

        let strategies = work(
            .province, (s, 10), (s, 11),
            "จังหวัดทบทวนยุทธศาสตร์จังหวัด แล้วแจ้งองค์การบริหารส่วนจังหวัดและอำเภอ",
            "The province reviews its strategies and sends them to the provincial administrative organisation and the districts.")
        let framework = work(
            .district, (s, 11), (t, 1),
            "อำเภอกำหนดกรอบการพัฒนาอำเภอ",
            "Districts set their development framework.")
        let forums = work(
            .community, (s, 11), (t, 1),
            "ชุมชนจัดเวทีประชาคม โดยคณะกรรมการหมู่บ้านและองค์กรปกครองส่วนท้องถิ่นสนับสนุน",
            "Communities hold forums, supported by the village committee and the LAO.")
        let communityPlans = work(
            .community, (t, 1), (t, 3),
            "ชุมชนปรับปรุงแผนชุมชน แยกปัญหาที่แก้ไขได้เองออกจากปัญหาที่ต้องขอรับการสนับสนุน",
            "Communities refine their plans, splitting problems they solve themselves from those that need support.")
        let districtPlans = work(
            .district, (t, 2), (t, 3),
            "อำเภอนำความต้องการที่ส่งต่อมาจัดทำแผนพัฒนาอำเภอ",
            "The district turns the needs forwarded to it into the district plan.")
        let laoPlans = work(
            .lao, (t, 2), (t, 6),
            "องค์กรปกครองส่วนท้องถิ่นจัดทำแผนพัฒนาท้องถิ่น และส่งต่อสิ่งที่เกินศักยภาพไปยังคณะกรรมการประสานแผนระดับอำเภอ แล้วระดับจังหวัด",
            "LAOs build their development plans, forwarding what exceeds their capacity to the district-level, "
                + "then the province-level coordination committee.")
        let provincialPlan = work(
            .province, (t, 4), (t, 6),
            "แผนพัฒนาอำเภอเข้าสู่การทบทวนแผนพัฒนาจังหวัด",
            "District plans feed the review of the provincial development plan.")
        let actionPlan = work(
            .province, (t, 10), (t, 11),
            "จังหวัดจัดทำแผนปฏิบัติราชการประจำปีของจังหวัด ปีงบประมาณ พ.ศ. \(fiscalYear) จากแผนพัฒนาจังหวัดที่ทบทวนแล้ว",
            "The province draws up its annual action plan for fiscal year \(fiscalYear) from the reviewed provincial plan.")

        stages = [
            Stage(number: 1, entries: [
                strategies,
                due(strategies, "ยุทธศาสตร์จังหวัด (ฉบับทบทวน)", "reviewed provincial strategies, to the PAO and the districts"),
            ]),
            Stage(number: 2, entries: [
                framework, due(framework, "กรอบการพัฒนาอำเภอ", "district development frameworks"),
                forums, due(forums, "เวทีประชาคม", "community forums held"),
            ]),
            Stage(number: 3, entries: [
                communityPlans,
                due(communityPlans, "แผนชุมชน", "community plans, to the LAO and the village committee"),
            ]),
            Stage(number: 4, entries: [
                districtPlans, due(districtPlans, "แผนพัฒนาอำเภอ", "district plans"),
                laoPlans,
                due(laoPlans, "แผนพัฒนาท้องถิ่น",
                    "LAO development plans; needs beyond them forwarded to the coordination committees"),
            ]),
            Stage(number: 5, entries: [
                provincialPlan, due(provincialPlan, "แผนพัฒนาจังหวัด (ฉบับทบทวน)", "reviewed provincial development plan"),
                actionPlan,
                due(actionPlan, "แผนปฏิบัติราชการประจำปีของจังหวัด พ.ศ. \(fiscalYear)",
                    "annual provincial action plan for fiscal year \(fiscalYear)"),
                deadline(ThaiDate(buddhistYear: u, month: 1, day: Self.ministriesDeadlineDay)!,
                         "แผนปฏิบัติราชการประจำปีของจังหวัด ส่งกระทรวง กรม",
                         "action plan to ministries and departments"),
                deadline(ThaiDate(buddhistYear: u, month: 2, day: Self.budgetBureauDeadlineDay)!,
                         "แผนปฏิบัติราชการประจำปีของจังหวัด ส่งสำนักงบประมาณ",
                         "action plan to the Budget Bureau"),
            ]),
        ]
    }

    /// 1 October of BE `fiscalYear - 1`.
    public var fiscalYearStart: ThaiDate { ThaiDate(buddhistYear: fiscalYear - 1, month: 10, day: 1)! }
    /// 30 September of BE `fiscalYear`.
    public var fiscalYearEnd: ThaiDate { ThaiDate(buddhistYear: fiscalYear, month: 9, day: 30)! }
    /// 1 October of BE `fiscalYear - 3`: the start of stage 1.
    public var cycleStart: ThaiDate { stages[0].start }
    /// The Budget Bureau deadline: the end of the cycle.
    public var cycleEnd: ThaiDate { stages[stages.count - 1].end }
    /// By 31 January of BE `fiscalYear - 1`.
    public var ministriesDeadline: ThaiDate { deadlines[0].end }
    /// By 5 February of BE `fiscalYear - 1`.
    public var budgetBureauDeadline: ThaiDate { deadlines[1].end }
    /// The two submission deadlines: ministries and departments, then the Budget Bureau.
    public var deadlines: [Entry] { stages.flatMap(\.entries).filter { $0.kind == .deadline } }
    /// The fiscal year served by the cycle that starts in this fiscal year's first
    /// month (October `fiscalYear - 1`): `fiscalYear + 2`.
    public var fiscalYearServedByCycleStartingInIt: Int { fiscalYear + 2 }
}
