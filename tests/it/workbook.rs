//! A workbook laid out as the department's quarterly report is: a title
//! over merged cells, a two-row header with merged cells ("So sánh (%)"
//! over two columns), a "Cộng dồn" column, labels numbered "1.", "2.",
//! figures typed as Vietnamese text, a percent cell, a formula with its
//! saved result, blanks and "-"; then a sheet of industries under a
//! heading row and a sheet of product shares. The figures are Q1 2021's
//! and March 2021's (../shared/seeds/002), as the sample publishes them.
//!
//! Shared by the import tests and `examples/department_workbook.rs`
//! (which writes `workbooks/2021-q1.xlsx` for the README).

#![allow(dead_code)]

use std::path::Path;

use rust_xlsxwriter::{Format, FormatAlign, Formula, Workbook, XlsxError};

/// What to change of the usual layout, to test how an import copes.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// A row inserted above exports (a new indicator the department
    /// added), shifting every figure below it.
    pub inserted_row: bool,
    /// Cells an import cannot read: text in the exports' level, an error
    /// in the imports' growth, a formula saved without its result.
    pub bad_cells: bool,
    /// The exports' level of Q1, if not 5718.5.
    pub exports: Option<f64>,
    /// Industries' rows to leave out (by position).
    pub drop_industry: Option<usize>,
}

pub const INDUSTRIES: [(&str, f64); 9] = [
    ("Sản xuất thiết bị tự động", 71.51),
    (
        "Sản xuất bi, bánh răng, hộp số, bộ phận điều khiển và truyền chuyển động",
        70.87,
    ),
    ("Đóng tàu", 67.64),
    ("Sản xuất phân bón", 50.28),
    ("Sản xuất sản phẩm điện tử dân dụng", 49.72),
    ("Sản xuất thiết bị truyền thông", 44.95),
    ("Sản xuất mô tơ, xe máy", -51.76),
    ("Sản xuất, truyền tải và phân phối điện", -25.04),
    ("May trang phục", -12.42),
];

pub const PRODUCTS: [(&str, f64); 4] = [
    ("Điện tử và linh kiện điện tử", 60.0),
    ("Máy móc, thiết bị và phụ tùng", 8.0),
    ("Giày dép", 5.0),
    ("Dệt may", 3.0),
];

pub fn write(path: &Path, layout: &Layout) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    let title = Format::new().set_bold().set_align(FormatAlign::Center);
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let number = Format::new().set_num_format("#,##0.0");
    let percent = Format::new().set_num_format("0.00%");
    let growth = Format::new().set_num_format("0.00");

    let s = wb.add_worksheet();
    s.set_name("Biểu 1")?;
    s.write_string(0, 0, "SỞ CÔNG THƯƠNG HẢI PHÒNG")?;
    s.merge_range(
        1,
        0,
        1,
        5,
        "MỘT SỐ CHỈ TIÊU CHỦ YẾU NGÀNH CÔNG THƯƠNG QUÝ I NĂM 2021",
        &title,
    )?;
    s.merge_range(3, 0, 4, 0, "Chỉ tiêu", &head)?;
    s.merge_range(3, 1, 4, 1, "Đơn vị tính", &head)?;
    s.merge_range(3, 2, 4, 2, "Ước thực hiện tháng 3/2021", &head)?;
    s.merge_range(3, 3, 4, 3, "Cộng dồn 3 tháng năm 2021", &head)?;
    s.merge_range(3, 4, 3, 5, "So sánh (%)", &head)?;
    s.write_string_with_format(4, 4, "Tháng 3/2021 so với cùng kỳ", &head)?;
    s.write_string_with_format(4, 5, "Cộng dồn so với cùng kỳ", &head)?;
    s.set_formula_result_default("");
    let mut r = 5;
    // 1. IIP: growth only; the month's level is not published.
    s.write_string(r, 0, "1. Chỉ số sản xuất công nghiệp (IIP)")?;
    s.write_string(r, 1, "%")?;
    s.write_string(r, 2, "-")?;
    // D6 left blank: the quarter's level is not published either.
    s.write_number_with_format(r, 4, 13.23, &growth)?;
    s.write_number_with_format(r, 5, 18.29, &growth)?;
    r += 1;
    if layout.inserted_row {
        s.write_string(r, 0, "Giá trị sản xuất công nghiệp (giá so sánh 2010)")?;
        s.write_string(r, 1, "tỷ đồng")?;
        s.write_number_with_format(r, 2, 40123.4, &number)?;
        s.write_number_with_format(r, 3, 120456.7, &number)?;
        r += 1;
    }
    // 2. Exports: the quarter typed as Vietnamese text; its growth a
    // percent cell (0.2515 shown as 25.15%).
    s.write_string(r, 0, "2. Kim ngạch xuất khẩu (triệu USD)")?;
    s.write_string(r, 1, "triệu USD")?;
    s.write_number_with_format(r, 2, 1960.8, &number)?;
    if layout.bad_cells {
        s.write_string(r, 3, "khoảng 5.718")?;
    } else {
        let q1 = layout.exports.unwrap_or(5718.5);
        let text = format!("{q1:.1}").replace('.', ",");
        // 5718,5 → 5.718,5: the thousands grouped the Vietnamese way.
        let (int, frac) = text.split_once(',').unwrap_or((&text, "0"));
        let grouped = if int.len() > 3 {
            format!("{}.{}", &int[..int.len() - 3], &int[int.len() - 3..])
        } else {
            int.to_owned()
        };
        s.write_string(r, 3, format!("{grouped},{frac}"))?;
    }
    s.write_number_with_format(r, 4, 16.9, &growth)?;
    s.write_number_with_format(r, 5, 0.2515, &percent)?;
    let exports_row = r;
    r += 1;
    // 3. Imports: the quarter a formula with its saved result.
    s.write_string(r, 0, "3. Kim ngạch nhập khẩu")?;
    s.write_string(r, 1, "triệu USD")?;
    s.write_number_with_format(r, 2, 1891.9, &number)?;
    s.write_formula_with_format(
        r,
        3,
        Formula::new(format!("C{}*2+1793.9", r + 1)).set_result("5577.7"),
        &number,
    )?;
    s.write_number_with_format(r, 4, 13.76, &growth)?;
    if layout.bad_cells {
        s.write_formula(r, 5, Formula::new("1/0").set_result("#DIV/0!"))?;
    } else {
        s.write_number_with_format(r, 5, 21.28, &growth)?;
    }
    r += 1;
    // 4. Retail: a blank month level in one variant, a formula without
    // its result in the other.
    s.write_string(
        r,
        0,
        "4. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
    )?;
    s.write_string(r, 1, "tỷ đồng")?;
    s.write_number_with_format(r, 2, 11848.6, &number)?;
    if layout.bad_cells {
        s.write_formula(r, 3, Formula::new("SUM(C2:C3)"))?;
    } else {
        s.write_number_with_format(r, 3, 37128.0, &number)?;
    }
    s.write_number_with_format(r, 4, 0.16, &growth)?;
    s.write_number_with_format(r, 5, 11.39, &growth)?;
    let _ = exports_row;
    s.set_column_width(0, 50)?;
    s.set_column_width(2, 14)?;
    s.set_column_width(3, 14)?;
    s.set_column_width(4, 14)?;
    s.set_column_width(5, 14)?;

    // The industries: a heading row, then a block of rows.
    let s = wb.add_worksheet();
    s.set_name("IIP theo ngành")?;
    s.merge_range(0, 0, 0, 1, "CHỈ SỐ SẢN XUẤT CÔNG NGHIỆP QUÝ I/2021", &title)?;
    s.write_string_with_format(2, 0, "Ngành", &head)?;
    s.write_string_with_format(2, 1, "Quý I/2021 so với cùng kỳ (%)", &head)?;
    s.write_string(3, 0, "Toàn ngành công nghiệp")?;
    s.write_number_with_format(3, 1, 18.29, &growth)?;
    s.write_string(4, 0, "Một số ngành tăng, giảm nhiều:")?;
    let mut r = 5;
    for (i, (name, x)) in INDUSTRIES.iter().enumerate() {
        if layout.drop_industry == Some(i) {
            continue;
        }
        s.write_string(r, 0, format!("- {name}"))?;
        s.write_number_with_format(r, 1, *x, &growth)?;
        r += 1;
    }
    s.set_column_width(0, 70)?;
    s.set_column_width(1, 16)?;

    // Exports by product: shares.
    let s = wb.add_worksheet();
    s.set_name("Cơ cấu XK")?;
    s.write_string_with_format(0, 0, "Nhóm hàng", &head)?;
    s.write_string_with_format(0, 1, "Tỷ trọng trong tổng kim ngạch xuất khẩu (%)", &head)?;
    for (i, (name, x)) in PRODUCTS.iter().enumerate() {
        let r = u32::try_from(i + 1).unwrap();
        s.write_string(r, 0, *name)?;
        s.write_number(r, 1, *x)?;
    }
    s.set_column_width(0, 40)?;
    wb.save(path)
}

/// The map of this layout, as `workbooks/quarter.map.yaml` has it.
pub const MAP: &str = include_str!("../../workbooks/quarter.map.yaml");
