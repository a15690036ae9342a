//! The narratives of the synthetic site: one plan of sections, figures
//! and charts per release, worded in each language, so both languages
//! call the same figures (as `bantin check` expects of a translation).
//! A narrative is a list of [`Piece`]s; each tool's writer spells the
//! calls its own way.

use super::{INDICES, LEVELS, Rand, Shape, Span, indicator_id};

/// The indicators with a trend chart (levels), in chart order.
pub const CHARTED: [usize; 3] = [0, 1, 2];
/// The breakdown's id.
pub const BREAKDOWN: &str = "by_sector";

/// A figure or chart, as the narrative asks for it.
#[derive(Clone, Debug)]
pub enum Call {
    /// `value(id)`, or one of its fields, or of another period.
    Value {
        id: String,
        field: Option<&'static str>,
        period: Option<String>,
    },
    /// `change(id)`: the growth on the year, worded.
    Change { id: String },
    /// `chart(id)`: a breakdown's, or an indicator's trend.
    Chart { id: String },
}

#[derive(Clone, Debug)]
pub enum Piece {
    Text(String),
    Call(Call),
}

pub type Narrative = Vec<Piece>;

/// Names of the indicators, (vi, en): levels first, then indices.
pub fn name(j: usize) -> (String, String) {
    const LEVEL_NAMES: [(&str, &str); 10] = [
        ("Kim ngạch xuất khẩu", "Export turnover"),
        ("Kim ngạch nhập khẩu", "Import turnover"),
        ("Tổng mức bán lẻ hàng hóa", "Retail sales of goods"),
        ("Doanh thu dịch vụ lưu trú", "Accommodation revenue"),
        ("Giá trị sản xuất công nghiệp", "Industrial output"),
        ("Sản lượng điện thương phẩm", "Electricity sold"),
        ("Doanh thu vận tải hàng hóa", "Freight transport revenue"),
        ("Vốn đầu tư thực hiện", "Investment realised"),
        (
            "Thu ngân sách từ công nghiệp",
            "Budget revenue from industry",
        ),
        ("Doanh thu thương mại điện tử", "E-commerce revenue"),
    ];
    const GROUPS: [(&str, &str); 3] = [
        ("", ""),
        (" khu vực doanh nghiệp nhà nước", " of state enterprises"),
        (
            " khu vực có vốn đầu tư nước ngoài",
            " of foreign-invested firms",
        ),
    ];
    const INDEX_NAMES: [(&str, &str); INDICES] = [
        (
            "Chỉ số sản xuất công nghiệp",
            "Index of industrial production",
        ),
        (
            "Chỉ số tiêu thụ ngành chế biến",
            "Manufacturing consumption index",
        ),
        (
            "Chỉ số tồn kho ngành chế biến",
            "Manufacturing inventory index",
        ),
        ("Chỉ số giá tiêu dùng", "Consumer price index"),
        ("Chỉ số giá sản xuất", "Producer price index"),
    ];
    if j < LEVELS {
        let (n, g) = (LEVEL_NAMES[j % 10], GROUPS[j / 10 % 3]);
        (format!("{}{}", n.0, g.0), format!("{}{}", n.1, g.1))
    } else {
        let n = INDEX_NAMES[j - LEVELS];
        (n.0.to_owned(), n.1.to_owned())
    }
}

const VI_WORDS: &[&str] = &[
    "sản",
    "xuất",
    "công",
    "nghiệp",
    "thương",
    "mại",
    "doanh",
    "nghiệp",
    "thị",
    "trường",
    "tăng",
    "trưởng",
    "ổn",
    "định",
    "phục",
    "hồi",
    "đơn",
    "hàng",
    "xuất",
    "khẩu",
    "nhập",
    "khẩu",
    "tiêu",
    "dùng",
    "hàng",
    "hóa",
    "dịch",
    "vụ",
    "thành",
    "phố",
    "địa",
    "bàn",
    "khu",
    "công",
    "nghiệp",
    "dự",
    "án",
    "đầu",
    "tư",
    "vốn",
    "lao",
    "động",
    "việc",
    "làm",
    "chính",
    "sách",
    "hỗ",
    "trợ",
    "giá",
    "cả",
    "nguyên",
    "liệu",
    "chi",
    "phí",
    "vận",
    "tải",
    "cảng",
    "biển",
    "logistics",
    "điện",
    "tử",
    "linh",
    "kiện",
    "may",
    "mặc",
    "giày",
    "dép",
    "thép",
    "xi",
    "măng",
    "thủy",
    "sản",
    "nông",
    "sản",
    "chế",
    "biến",
    "chế",
    "tạo",
    "năng",
    "lượng",
    "tiết",
    "kiệm",
    "môi",
    "trường",
    "chuyển",
    "đổi",
    "số",
    "kế",
    "hoạch",
    "mục",
    "tiêu",
    "nhiệm",
    "vụ",
    "giải",
    "pháp",
    "tháo",
    "gỡ",
    "khó",
    "khăn",
    "vướng",
    "mắc",
    "cải",
    "thiện",
    "nâng",
    "cao",
    "hiệu",
    "quả",
    "cạnh",
    "tranh",
    "bền",
    "vững",
    "tiếp",
    "tục",
    "duy",
    "trì",
    "đẩy",
    "mạnh",
    "theo",
    "dõi",
    "sát",
    "sao",
    "kịp",
    "thời",
];

const EN_WORDS: &[&str] = &[
    "production",
    "industry",
    "trade",
    "firms",
    "market",
    "growth",
    "steady",
    "recovery",
    "orders",
    "exports",
    "imports",
    "consumers",
    "goods",
    "services",
    "city",
    "province",
    "parks",
    "projects",
    "investment",
    "capital",
    "labour",
    "jobs",
    "policy",
    "support",
    "prices",
    "materials",
    "costs",
    "transport",
    "ports",
    "logistics",
    "electricity",
    "electronics",
    "components",
    "garments",
    "footwear",
    "steel",
    "cement",
    "seafood",
    "farm",
    "processing",
    "manufacturing",
    "energy",
    "savings",
    "environment",
    "digital",
    "plan",
    "targets",
    "tasks",
    "measures",
    "obstacles",
    "difficulties",
    "improved",
    "efficiency",
    "competitive",
    "sustainable",
    "continued",
    "maintained",
    "stronger",
    "monitoring",
    "timely",
    "demand",
    "supply",
    "shipments",
    "partners",
    "contracts",
    "delivery",
    "capacity",
    "lines",
    "plants",
    "workers",
    "wages",
    "credit",
    "banks",
    "interest",
    "rates",
    "inventory",
    "stocks",
    "sales",
    "retail",
    "wholesale",
    "online",
    "platforms",
    "tourism",
    "visitors",
    "hotels",
    "freight",
    "volumes",
    "quality",
    "standards",
    "certification",
    "training",
    "skills",
    "reform",
    "procedures",
    "licences",
    "the",
    "of",
    "and",
    "in",
    "with",
    "for",
    "while",
    "as",
    "across",
    "over",
    "through",
];

const HEADINGS: [(&str, &str); 6] = [
    ("Sản xuất công nghiệp", "Industrial production"),
    ("Xuất khẩu và nhập khẩu", "Exports and imports"),
    ("Thương mại nội địa", "Domestic trade"),
    ("Đầu tư và doanh nghiệp", "Investment and enterprises"),
    ("Giá cả và thị trường", "Prices and markets"),
    ("Nhiệm vụ thời gian tới", "Tasks for the coming period"),
];

/// The words of a sentence that carry no figure.
fn filler(lang: &str, rand: &mut Rand, count: usize) -> String {
    let words = if lang == "vi" { VI_WORDS } else { EN_WORDS };
    (0..count)
        .map(|_| words[rand.below(words.len() as u64) as usize])
        .collect::<Vec<_>>()
        .join(" ")
}

fn value(j: usize) -> Call {
    Call::Value {
        id: indicator_id(j),
        field: None,
        period: None,
    }
}

fn field(j: usize, field: &'static str) -> Call {
    Call::Value {
        id: indicator_id(j),
        field: Some(field),
        period: None,
    }
}

/// The second figure of a sentence about indicator `j`, by turns.
fn second(j: usize, turn: usize, span: Span) -> (Call, (&'static str, &'static str)) {
    let change = Call::Change {
        id: indicator_id(j),
    };
    match turn % 5 {
        1 if span.previous().is_some() => (
            field(j, "growth_prev"),
            ("so với kỳ trước", "on the previous period"),
        ),
        2 => (
            field(j, "plan_attainment"),
            ("kế hoạch năm", "of the annual plan"),
        ),
        3 => (field(j, "share"), ("tổng sản phẩm", "of the total product")),
        4 => (
            field(j, "national_growth"),
            ("là mức tăng của cả nước", "was the national growth"),
        ),
        _ => (change, ("so với cùng kỳ", "on the same period last year")),
    }
}

fn text(s: impl Into<String>) -> Piece {
    Piece::Text(s.into())
}

/// The narratives of a release, (vi, en), from one plan. `earlier` is a
/// published period the text may cite (`period=`).
pub fn narratives(
    rand: &mut Rand,
    shape: Shape,
    span: Span,
    earlier: Option<&str>,
) -> [Narrative; 2] {
    let langs = ["vi", "en"];
    let mut out: [Narrative; 2] = [Vec::new(), Vec::new()];
    let mut push = |l: usize, p: Piece| out[l].push(p);
    let mut turn = 0usize;
    for s in 0..shape.sections {
        let heading = HEADINGS[s % HEADINGS.len()];
        push(0, text(format!("## {}\n\n", heading.0)));
        push(1, text(format!("## {}\n\n", heading.1)));
        // The prose: sentences of a level and a second figure.
        for k in 0..shape.sentences {
            let j = (s * 7 + k * 3 + turn) % LEVELS;
            turn += 1;
            let (call, words) = second(j, turn, span);
            let cite = s == shape.sections - 1 && k == 0 && earlier.is_some();
            for (l, lang) in langs.iter().enumerate() {
                let names = name(j);
                let (n, w) = if l == 0 {
                    (names.0, words.0)
                } else {
                    (names.1, words.1)
                };
                let reached = if l == 0 { "ước đạt" } else { "reached" };
                let filler_count = if l == 0 {
                    shape.filler * 3 / 2
                } else {
                    shape.filler
                };
                push(l, text(format!("{n} {reached} ")));
                push(l, Piece::Call(value(j)));
                push(l, text(", "));
                push(l, Piece::Call(call.clone()));
                push(
                    l,
                    text(format!(" {w}; {}", filler(lang, rand, filler_count))),
                );
                if cite {
                    let against = if l == 0 {
                        ", cùng kỳ năm trước là "
                    } else {
                        ", against "
                    };
                    push(l, text(against));
                    push(
                        l,
                        Piece::Call(Call::Value {
                            id: indicator_id(j),
                            field: None,
                            period: earlier.map(str::to_owned),
                        }),
                    );
                }
                push(l, text(".\n"));
            }
        }
        for l in 0..2 {
            push(l, text("\n"));
        }
        if !shape.furniture {
            continue;
        }
        // A list in the second and fourth sections: bullets, then numbers.
        if s == 1 || s == 3 {
            for i in 0..5 {
                let j = (s * 5 + i) % LEVELS;
                let idx = LEVELS + i % INDICES;
                for (l, lang) in langs.iter().enumerate() {
                    let mark = if s == 1 {
                        "- ".to_owned()
                    } else {
                        format!("{}. ", i + 1)
                    };
                    let names = name(j);
                    let n = if l == 0 { names.0 } else { names.1 };
                    push(l, text(format!("{mark}{n}: ")));
                    push(l, Piece::Call(value(j)));
                    push(l, text("; "));
                    let idx_name = if l == 0 { name(idx).0 } else { name(idx).1 };
                    push(l, text(format!("{idx_name} ")));
                    push(
                        l,
                        Piece::Call(Call::Change {
                            id: indicator_id(idx),
                        }),
                    );
                    push(l, text(format!(", {}.\n", filler(lang, rand, 3))));
                }
            }
            for l in 0..2 {
                push(l, text("\n"));
            }
        }
        // A table of six levels and their growth in the third.
        if s == 2 {
            for (l, head) in [
                "| Chỉ tiêu | Ước thực hiện | So với cùng kỳ |\n|---|---:|---:|\n",
                "| Indicator | Level | On a year before |\n|---|---:|---:|\n",
            ]
            .iter()
            .enumerate()
            {
                push(l, text(*head));
            }
            for i in 0..6 {
                let j = (i * 4 + 1) % LEVELS;
                for l in 0..2 {
                    let names = name(j);
                    let n = if l == 0 { names.0 } else { names.1 };
                    push(l, text(format!("| {n} | ")));
                    push(l, Piece::Call(value(j)));
                    push(l, text(" | "));
                    push(
                        l,
                        Piece::Call(Call::Change {
                            id: indicator_id(j),
                        }),
                    );
                    push(l, text(" |\n"));
                }
            }
            for l in 0..2 {
                push(l, text("\n"));
            }
        }
        // Charts: the breakdown in the first section, trends after.
        let chart = match s {
            0 => Some(BREAKDOWN.to_owned()),
            1 => Some(indicator_id(CHARTED[0])),
            2 => Some(indicator_id(CHARTED[1])),
            4 => Some(indicator_id(CHARTED[2])),
            _ => None,
        };
        if let Some(id) = chart {
            for l in 0..2 {
                push(l, Piece::Call(Call::Chart { id: id.clone() }));
                push(l, text("\n\n"));
            }
        }
    }
    out
}

/// Spells a narrative with `call` writing each call in a tool's syntax.
pub fn spell(narrative: &Narrative, call: &dyn Fn(&Call) -> String) -> String {
    let mut out = String::new();
    for piece in narrative {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Call(c) => out.push_str(&call(c)),
        }
    }
    out
}
