/// The fixed word lists and tables a `ScenarioGenerator` draws from: Thai place
/// name parts, provinces, sectors, strategies, ministries and project titles.
/// Everything is an array, so every draw indexes into a fixed order.
enum SyntheticCatalog {
    /// A real province: its two-letter code (the prefix of its area ids) and Thai name.
    struct Province {
        let code: String
        let name: String
    }

    /// Isan provinces first (the guideline's home ground), then others.
    static let provinces: [Province] = [
        Province(code: "KK", name: "ขอนแก่น"), Province(code: "UD", name: "อุดรธานี"),
        Province(code: "KS", name: "กาฬสินธุ์"), Province(code: "MK", name: "มหาสารคาม"),
        Province(code: "RE", name: "ร้อยเอ็ด"), Province(code: "CY", name: "ชัยภูมิ"),
        Province(code: "NK", name: "หนองคาย"), Province(code: "LE", name: "เลย"),
        Province(code: "SN", name: "สกลนคร"), Province(code: "NP", name: "นครพนม"),
        Province(code: "MD", name: "มุกดาหาร"), Province(code: "YS", name: "ยโสธร"),
        Province(code: "AC", name: "อำนาจเจริญ"), Province(code: "UB", name: "อุบลราชธานี"),
        Province(code: "SK", name: "ศรีสะเกษ"), Province(code: "SR", name: "สุรินทร์"),
        Province(code: "BR", name: "บุรีรัมย์"), Province(code: "NR", name: "นครราชสีมา"),
        Province(code: "BK", name: "บึงกาฬ"), Province(code: "NB", name: "หนองบัวลำภู"),
        Province(code: "CM", name: "เชียงใหม่"), Province(code: "CR", name: "เชียงราย"),
        Province(code: "PL", name: "พิษณุโลก"), Province(code: "NS", name: "นครสวรรค์"),
        Province(code: "SG", name: "สงขลา"), Province(code: "ST", name: "สุราษฎร์ธานี"),
        Province(code: "NT", name: "นครศรีธรรมราช"), Province(code: "PK", name: "ภูเก็ต"),
        Province(code: "CB", name: "ชลบุรี"), Province(code: "RY", name: "ระยอง"),
    ]

    /// First part of a place name: landform or water words common in Isan names.
    static let placeHeads: [String] = [
        "โนน", "หนอง", "ดอน", "โคก", "นา", "ห้วย", "สระ", "ป่า", "บึง", "ท่า",
        "วัง", "ทุ่ง", "หัว", "กุด", "ดง", "คำ", "ซำ", "โพน", "เหล่า", "หนองบัว",
    ]

    /// Second part of a place name: trees, colours, animals, auspicious words.
    static let placeTails: [String] = [
        "สูง", "ใหญ่", "น้อย", "แดง", "ขาม", "ยาง", "ไผ่", "บัว", "เป็ด", "แก",
        "ทราย", "ม่วง", "โพธิ์", "ตาล", "ศาลา", "เขียว", "หิน", "ทอง", "แก้ว", "สะอาด",
        "เจริญ", "ศรี", "ชัย", "มะเกลือ", "ขี้เหล็ก", "ฝาง", "สำราญ", "พอง", "กระบือ", "ช้าง",
        "เม็ก", "หว้า", "จาน", "แคน", "ดู่", "เต่า", "หอย", "เค็ง", "ยาว", "กลาง",
    ]

    /// Project sectors with their share of proposals and a cost factor
    /// (roads and water works cost more than training or social projects).
    struct Sector {
        let id: String
        let share: Double
        let costFactor: Double
        /// Strategy keys (`Strategy.key`) this sector serves, best first.
        let strategyKeys: [Int]
        /// Project titles; the village or tambon name is appended.
        let titles: [String]
    }

    static let sectors: [Sector] = [
        Sector(id: "water", share: 0.19, costFactor: 1.2, strategyKeys: [0], titles: [
            "ขุดลอกคลองส่งน้ำ", "ก่อสร้างฝายชะลอน้ำ", "ขุดเจาะบ่อบาดาล", "ปรับปรุงระบบประปาหมู่บ้าน",
            "ขุดลอกหนองน้ำสาธารณะ", "ก่อสร้างถังเก็บน้ำฝน", "วางท่อส่งน้ำเพื่อการเกษตร",
        ]),
        Sector(id: "roads", share: 0.23, costFactor: 1.3, strategyKeys: [2], titles: [
            "ก่อสร้างถนนคอนกรีตเสริมเหล็ก", "ซ่อมแซมถนนลูกรัง", "ก่อสร้างท่อลอดเหลี่ยม",
            "ปรับปรุงถนนลาดยางแอสฟัลท์ติก", "ก่อสร้างรางระบายน้ำ", "ก่อสร้างสะพานคอนกรีต",
        ]),
        Sector(id: "agriculture", share: 0.14, costFactor: 0.8, strategyKeys: [1, 0], titles: [
            "ส่งเสริมการปลูกผักปลอดสารพิษ", "ส่งเสริมการเลี้ยงโคขุน", "จัดตั้งธนาคารเมล็ดพันธุ์ข้าว",
            "ส่งเสริมเกษตรทฤษฎีใหม่", "ผลิตปุ๋ยอินทรีย์ชุมชน", "ส่งเสริมการเลี้ยงปลาในกระชัง",
        ]),
        Sector(id: "occupation", share: 0.09, costFactor: 0.5, strategyKeys: [1], titles: [
            "ฝึกอบรมอาชีพทอผ้าไหม", "ส่งเสริมกลุ่มวิสาหกิจชุมชน", "ฝึกอบรมการแปรรูปผลผลิตเกษตร",
            "พัฒนาผลิตภัณฑ์ OTOP", "ส่งเสริมกลุ่มจักสานไม้ไผ่",
        ]),
        Sector(id: "health", share: 0.08, costFactor: 0.9, strategyKeys: [3], titles: [
            "ส่งเสริมสุขภาพผู้สูงอายุ", "ป้องกันและควบคุมโรคไข้เลือดออก", "ปรับปรุงโรงพยาบาลส่งเสริมสุขภาพตำบล",
            "คัดกรองโรคเบาหวานและความดันโลหิตสูง", "จัดซื้อครุภัณฑ์การแพทย์",
        ]),
        Sector(id: "social", share: 0.06, costFactor: 0.6, strategyKeys: [3], titles: [
            "ซ่อมแซมบ้านผู้ยากไร้", "จัดตั้งศูนย์ดูแลผู้สูงอายุ", "ส่งเสริมกิจกรรมผู้พิการ",
            "ป้องกันและแก้ไขปัญหายาเสพติด",
        ]),
        Sector(id: "education", share: 0.07, costFactor: 0.9, strategyKeys: [4, 3], titles: [
            "ปรับปรุงศูนย์พัฒนาเด็กเล็ก", "จัดซื้อสื่อการเรียนการสอน", "ก่อสร้างอาคารเรียน",
            "ส่งเสริมการอ่านห้องสมุดชุมชน",
        ]),
        Sector(id: "environment", share: 0.06, costFactor: 0.7, strategyKeys: [5, 0], titles: [
            "ปลูกป่าชุมชน", "จัดการขยะชุมชน", "จัดตั้งธนาคารขยะ", "ฟื้นฟูป่าต้นน้ำ",
        ]),
        Sector(id: "tourism", share: 0.04, costFactor: 1.0, strategyKeys: [5, 1], titles: [
            "พัฒนาแหล่งท่องเที่ยวชุมชน", "จัดงานประเพณีบุญบั้งไฟ", "ปรับปรุงภูมิทัศน์แหล่งท่องเที่ยว",
            "ส่งเสริมโฮมสเตย์",
        ]),
        Sector(id: "electricity", share: 0.04, costFactor: 1.2, strategyKeys: [2], titles: [
            "ขยายเขตไฟฟ้าเพื่อการเกษตร", "ติดตั้งไฟฟ้าส่องสว่างพลังงานแสงอาทิตย์",
            "ติดตั้งระบบสูบน้ำพลังงานแสงอาทิตย์",
        ]),
    ]

    /// A provincial strategy: `key` is its place in this list, which sectors refer to.
    struct StrategyTemplate {
        let key: Int
        let name: String
    }

    /// Ordered so that the first four cover every sector (through `strategyKeys` fallbacks).
    static let strategies: [StrategyTemplate] = [
        StrategyTemplate(key: 0, name: "การบริหารจัดการทรัพยากรน้ำอย่างยั่งยืน"),
        StrategyTemplate(key: 1, name: "การพัฒนาการเกษตรและเศรษฐกิจฐานราก"),
        StrategyTemplate(key: 2, name: "การพัฒนาโครงสร้างพื้นฐานและระบบโลจิสติกส์"),
        StrategyTemplate(key: 3, name: "การพัฒนาคุณภาพชีวิต สาธารณสุข และสังคม"),
        StrategyTemplate(key: 4, name: "การพัฒนาการศึกษาและทรัพยากรมนุษย์"),
        StrategyTemplate(key: 5, name: "การท่องเที่ยวและการอนุรักษ์ทรัพยากรธรรมชาติและสิ่งแวดล้อม"),
    ]

    /// A nationwide ministry or department with its sector mandate.
    struct Ministry {
        let code: String
        let name: String
        let sectors: [String]
        /// Largest single project it takes on; nil: no limit.
        let maxProjectCost: Double?
    }

    /// The first five are always present; the rest are drawn.
    static let ministries: [Ministry] = [
        Ministry(code: "RID", name: "กรมชลประทาน", sectors: ["water"], maxProjectCost: 100_000_000),
        Ministry(code: "DRR", name: "กรมทางหลวงชนบท", sectors: ["roads"], maxProjectCost: 100_000_000),
        Ministry(code: "MOPH", name: "กระทรวงสาธารณสุข", sectors: ["health"], maxProjectCost: 50_000_000),
        Ministry(code: "DOAE", name: "กรมส่งเสริมการเกษตร", sectors: ["agriculture"], maxProjectCost: 10_000_000),
        Ministry(code: "CDD", name: "กรมการพัฒนาชุมชน", sectors: ["occupation", "social"], maxProjectCost: 5_000_000),
        Ministry(code: "DWR", name: "กรมทรัพยากรน้ำ", sectors: ["water", "environment"], maxProjectCost: 30_000_000),
        Ministry(code: "OBEC", name: "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", sectors: ["education"], maxProjectCost: 30_000_000),
        Ministry(code: "PEA", name: "การไฟฟ้าส่วนภูมิภาค", sectors: ["electricity"], maxProjectCost: 50_000_000),
        Ministry(code: "MOTS", name: "กระทรวงการท่องเที่ยวและกีฬา", sectors: ["tourism"], maxProjectCost: 30_000_000),
        Ministry(code: "DEQP", name: "กรมส่งเสริมคุณภาพสิ่งแวดล้อม", sectors: ["environment"], maxProjectCost: 20_000_000),
    ]
}
