# Lời của bantin bằng tiếng Việt. Mỗi thông báo ở đây có bản tiếng Anh
# tương ứng trong en.ftl (một kiểm thử đơn vị so sánh mã của hai tệp).
# Tham số: $tên. Số đếm chọn dạng số nhiều; số liệu đã được định dạng.
# Dấu ngoặc nhọn trong câu viết là {"{"}.

## Báo cáo

level = { $level ->
    [error] lỗi
   *[warning] cảnh báo
}
hint = gợi ý: { $hint }
verbatim = { $text }
quoted = `{ $text }`
did-you-mean = có phải ý bạn là `{ $name }`?
allowed-keys = các khóa được phép ở đây là: { $keys }
report-none = Không có vấn đề nào.
report-summary = { $errors } lỗi, { $warnings } cảnh báo trong { $files } tệp
report-translations = Còn thiếu bản dịch:
check-links-unchecked = Chưa kiểm tra được liên kết của các trang: hãy sửa các lỗi ở trên trước.
timings = Thời gian:
error-detail = lỗi: { $detail }
warning-detail = cảnh báo: { $detail }
created = đã tạo { $file }
nothing-written = Không tệp nào được ghi.

## Tệp

file-not-found = tệp không tồn tại
file-permission-denied = bantin không được phép đọc tệp này (bị từ chối quyền truy cập)
file-is-folder = đây là một thư mục, không phải một tệp
file-unreadable = không đọc được tệp: { $reason }
folder-unreadable = không đọc được thư mục: { $reason }
file-too-large = tệp có dung lượng { $size } MB, lớn hơn mức { $limit } MB mà bantin đọc
file-too-large-hint = mỗi tệp dữ liệu chỉ chứa số liệu của một kỳ; hãy để các bảng lớn ở nơi khác
file-not-utf8 = tệp không phải văn bản UTF-8
file-not-utf8-hint = lưu tệp với bảng mã UTF-8 (trong hầu hết trình soạn thảo: Lưu thành, Bảng mã: UTF-8)
file-outside-site = tệp này trỏ ra ngoài thư mục trang, tới { $target }
file-outside-site-hint = bantin chỉ xuất bản các tệp nằm trong thư mục trang: hãy sao chép tệp vào trang thay vì liên kết tới nó

## YAML

node-nothing = giá trị rỗng
node-bool = đúng/sai
node-number = một số
node-text = văn bản
node-list = một danh sách
node-mapping = một nhóm khóa
node-tagged = một giá trị có thẻ
at-yaml-path = { $message } (tại `{ $path }`)
unknown-key = { $what } `{ $key }` không có trong định dạng
what-key = khóa
what-field = trường
what-breakdown-key = khóa của bảng phân tổ
what-indicator-setting = thiết lập chỉ tiêu
what-front-matter-key = khóa phần đầu
expected-text = cần văn bản, nhưng gặp { $found }
expected-text-hint = viết văn bản theo từng ngôn ngữ: {"{"} vi: "…", en: "…" {"}"}
yaml-tab = dòng này thụt lề bằng phím Tab
yaml-tab-hint = YAML chỉ thụt lề bằng dấu cách: thay Tab bằng dấu cách (hai dấu cách cho mỗi cấp)
yaml-unclosed-quote = dấu nháy { $quote } này không được đóng
yaml-unclosed-quote-hint = kết thúc văn bản bằng { $quote } trên cùng dòng, hoặc bỏ dấu { $quote } mở đầu
yaml-unclosed-bracket = dấu `{ $open }` này không được đóng
yaml-unclosed-bracket-hint = đóng lại bằng `{ $close }` trên cùng dòng, sau mục cuối cùng; các mục bên trong cách nhau bằng dấu phẩy
yaml-missing-colon = `{ $written }` thiếu dấu hai chấm sau khóa
yaml-missing-colon-hint = viết `{ $fixed }` (dấu hai chấm và một dấu cách sau khóa)
yaml-indent = dòng này thụt lề { $spaces } dấu cách, không khớp với khóa nào ở trên
yaml-indent-hint = thụt lề như khóa cùng cấp với nó: { $spaces } dấu cách (khóa con thụt vào thêm hai dấu cách)
yaml-indent-hint-left = viết sát lề trái, như các khóa ở trên
yaml-duplicate-key = `{ $key }` được viết hai lần trong cùng một khối
yaml-duplicate-key-hint = giữ một `{ $key }:` và xóa cái còn lại (gộp nội dung nếu cả hai đều cần)
yaml-syntax = không đọc được YAML: { $detail }
yaml-syntax-hint = xem dòng này và dòng ngay trên nó: thiếu dấu hai chấm, dấu nháy hoặc dấu ngoặc, hoặc thụt lề sai
toml-syntax = không đọc được tệp: { $detail }

## site.toml

config-missing = không có site.toml trong { $folder }
config-missing-hint = chạy bantin trong thư mục của trang, hoặc chỉ ra thư mục đó bằng --root THƯ_MỤC
config-syntax = không đọc được site.toml: { $detail }
config-syntax-hint = mỗi thiết lập viết một dòng dạng `khóa = "giá trị"`; văn bản đặt trong dấu nháy
config-unknown-key = thiết lập `{ $key }` không có trong định dạng
config-languages-empty = `languages` không có ngôn ngữ nào
config-languages-empty-hint = liệt kê các ngôn ngữ của trang, ngôn ngữ mặc định đứng đầu, ví dụ languages = ["{ $lang }", "en"]; trang một ngôn ngữ viết languages = ["{ $lang }"]
config-bad-language = `{ $lang }` không phải mã ngôn ngữ
config-bad-language-hint = dùng mã viết thường như "vi" và "en"
config-no-title = trang chưa có tiêu đề bằng `{ $lang }`
config-no-title-hint = thêm `{ $lang } = "…"` dưới [title]
config-sdmx-id = `{ $key } = "{ $id }"` dưới [sdmx] không phải mã SDMX
config-sdmx-id-hint = mã SDMX bắt đầu bằng một chữ cái, tiếp theo là chữ cái, chữ số, `_` hoặc `-`, ví dụ agency = "SCT_HAIPHONG"
config-sdmx-version = `version = "{ $version }"` dưới [sdmx] không phải số phiên bản
config-sdmx-version-hint = viết các số cách nhau bằng dấu chấm, ví dụ version = "1.0"
base-url-not-absolute = base_url `{ $url }` không phải địa chỉ web đầy đủ
base-url-hint = viết đầy đủ, ví dụ https://congthuong.haiphong.gov.vn/bantin/

## Danh mục chỉ tiêu

catalog-missing = thiếu danh mục chỉ tiêu
catalog-missing-hint = tạo tệp content/indicators.yaml ghi tên từng chỉ tiêu, ví dụ
    exports:
      name: {"{"} vi: "Kim ngạch xuất khẩu", en: "Export turnover" {"}"}
      unit: {"{"} vi: "triệu USD", en: "million USD" {"}"}
catalog-not-mapping = danh mục phải liệt kê các chỉ tiêu theo mã
catalog-not-mapping-hint = mở đầu mỗi chỉ tiêu bằng mã của nó và dấu hai chấm, ví dụ `exports:`
catalog-bad-id = `{ $id }` không phải mã chỉ tiêu hợp lệ
id-hint = mã chỉ gồm chữ thường a-z, chữ số và dấu _ (ví dụ `exports`, `iip_by_sector`)
catalog-needs-name = chỉ tiêu `{ $id }` cần có tên và đơn vị tính
catalog-bad-kind = { $written } không phải một loại chỉ tiêu
catalog-kind-hint = viết flow (cộng dồn theo thời gian: xuất khẩu, bán lẻ), stock (mức tại một thời điểm), index hoặc rate
catalog-bad-decimals = decimals phải là số nguyên từ 0 đến 6
catalog-no-name = chỉ tiêu `{ $id }` chưa có tên bằng `{ $lang }`
catalog-no-name-hint = thêm `name: {"{"} { $lang }: "…" {"}"}` (mỗi ngôn ngữ của trang cần một tên)
catalog-no-unit = chỉ tiêu `{ $id }` chưa có đơn vị tính bằng `{ $lang }`
catalog-no-unit-hint = thêm `unit: {"{"} { $lang }: "…" {"}"}` (mỗi ngôn ngữ của trang cần một đơn vị)

## Tệp dữ liệu

data-not-mapping = tệp dữ liệu phải bắt đầu bằng `period:` và liệt kê `indicators:`
data-not-mapping-hint = xem docs/content-format.md: period, status, published, indicators, breakdowns
data-no-period = tệp dữ liệu không ghi kỳ báo cáo
data-no-period-hint = thêm dòng đầu như `period: 2021-Q1`
data-period-not-text = cần một kỳ báo cáo, nhưng gặp { $found }
data-no-status = tệp dữ liệu không ghi tình trạng của số liệu
data-no-status-hint = thêm `status: estimate` (ước tính), `status: preliminary` (sơ bộ) hoặc `status: final` (chính thức)
data-bad-status = { $written } không phải một tình trạng số liệu
data-bad-status-hint = viết estimate (ước tính), preliminary (sơ bộ) hoặc final (chính thức)
data-bad-date = `{ $written }` không phải một ngày
data-bad-date-hint = viết ngày công bố dạng NĂM-THÁNG-NGÀY, ví dụ 2021-04-01
data-unknown-indicator = `{ $id }` không có trong danh mục chỉ tiêu
data-unknown-indicator-hint = thêm `{ $id }` vào content/indicators.yaml trước, kèm tên và đơn vị tính
data-indicators-not-mapping = `indicators` phải liệt kê các chỉ tiêu theo mã, nhưng gặp { $found }
data-breakdowns-not-mapping = `breakdowns` phải liệt kê các bảng theo mã, nhưng gặp { $found }
data-fields-not-mapping = cần các số liệu như `value:` và `growth_yoy:`, nhưng gặp { $found }
figure-unusable = `{ $written }` không phải số liệu dùng được
figure-is-text = cần một số, nhưng gặp văn bản "{ $written }"
figure-grouped-hint = `{ $written }` là số viết theo kiểu Việt Nam; trong tệp dữ liệu hãy viết { $machine }
figure-plain-hint = viết số liệu dạng số thường, như 5718.5 hoặc -12.42 (dấu chấm ngăn phần thập phân)
figure-not-number = cần một số, nhưng gặp { $found }
breakdown-bad-id = `{ $id }` không phải mã bảng phân tổ hợp lệ
breakdown-id-taken = bảng phân tổ `{ $id }` trùng mã với một chỉ tiêu
breakdown-id-taken-hint = đổi tên (ví dụ `{ $id }_by_group`) để chart("{ $id }") không bị nhầm lẫn
breakdown-not-mapping = bảng phân tổ cần `title`, `field` và `rows`, nhưng gặp { $found }
breakdown-no-title = bảng phân tổ `{ $id }` chưa có tiêu đề
breakdown-no-title-hint = thêm `title: {"{"} vi: "…", en: "…" {"}"}`
breakdown-fields = các trường là: { $fields }
breakdown-bad-field = `{ $written }` không phải một trường
breakdown-field-not-text = cần tên một trường, nhưng gặp { $found }
breakdown-no-field = bảng phân tổ `{ $id }` không ghi các dòng so sánh trường nào
breakdown-no-field-hint = thêm ví dụ `field: growth_yoy`
breakdown-no-unit = bảng phân tổ `{ $id }` so sánh giá trị tuyệt đối nhưng không ghi đơn vị tính
breakdown-no-unit-hint = thêm `unit: {"{"} vi: "triệu USD", en: "million USD" {"}"}`
breakdown-row-no-field = dòng này không có `{ $field }`, trường mà bảng phân tổ so sánh
breakdown-row-no-field-hint = ghi số liệu `{ $field }:` cho mọi dòng
breakdown-row-no-label = dòng này chưa có nhãn
breakdown-row-no-label-hint = viết `- {"{"} label: {"{"} vi: "…", en: "…" {"}"}, growth_yoy: 12.5 {"}"}`
breakdown-no-rows = bảng phân tổ không có `rows`
breakdown-rows-not-list = `rows` phải là một danh sách, nhưng gặp { $found }

## Kỳ báo cáo

period-invalid = `{ $written }` không phải kỳ báo cáo: viết kỳ dạng 2019, 2021-Q1, 2022-H1, 2024-9M hoặc 2021-03
period-year-range = `{ $written }`: năm { $year } nằm ngoài phạm vi
period-bad-quarter = `{ $written }`: quý là Q1, Q2, Q3 hoặc Q4
period-bad-half = `{ $written }`: sáu tháng đầu năm viết là { $year }-H1 (hoặc { $year }-6M)
period-twelve-months = `{ $written }`: mười hai tháng là cả năm: viết { $year }
period-bad-months = `{ $written }`: số tháng cộng dồn là { $year }-1M … { $year }-11M

## Bản tin và trang

release-no-data = thư mục bản tin này không có data.yaml
release-no-data-hint = mỗi bản tin cần một data.yaml ghi kỳ báo cáo và số liệu (chỉ có bài viết thì chưa phải bản tin)
release-duplicate-period = kỳ { $period } đã được công bố trong { $other }
release-duplicate-period-hint = mỗi kỳ chỉ có một bản tin; hãy gộp hai thư mục hoặc sửa lại kỳ báo cáo
text-language-unknown = `{ $lang }` không thuộc các ngôn ngữ của trang ({ $languages }); tệp này không được xuất bản
text-language-unknown-hint = thêm ngôn ngữ vào `languages` trong site.toml, hoặc đổi tên tệp
page-bad-name = `{ $stem }` không dùng được làm địa chỉ trang
page-bad-name-hint = đặt tên trang bằng chữ thường, chữ số và dấu -, không phải kỳ báo cáo hay từ dành riêng (archive, indicators, data, en…)
front-matter-unclosed = phần đầu bắt đầu ở dòng 1 không được đóng
front-matter-unclosed-hint = có phải bạn quên dòng `---` đóng lại sau `title:` và `summary:`?
front-matter-not-mapping = phần đầu phải gồm các dòng `khóa: giá trị`
front-matter-not-text = `{ $key }` phải là văn bản, nhưng gặp { $found }

## Lời gọi trong bài viết

call-unclosed = dấu `{"{{"}` này không được đóng trên cùng dòng
call-unclosed-hint = lời gọi được viết trọn trên một dòng: {"{{"} value("exports") {"}}"}
call-block-not-alone = { $name }() tạo một biểu đồ hoặc bảng: nó phải đứng riêng một dòng
call-block-not-alone-hint = đặt lời gọi trên một dòng riêng, có một dòng trống trước và sau
call-empty = cần một lời gọi như value("exports") bên trong {"{{ }}"}
call-unknown = không có lời gọi `{ $name }`
call-unknown-hint = các lời gọi là value(), change(), chart() và table()
call-no-paren = cần `(` sau { $name }
call-write = viết { $call }
call-no-comma = cần `,` hoặc `)` giữa các tham số
call-plain-after-named = tham số thường không được đứng sau tham số có tên
call-expected-id = cần một mã trong dấu nháy như "exports", hoặc period="…"
call-expected-id-hint = mã được viết trong dấu nháy: value("exports")
call-expected-value = cần một giá trị trong dấu nháy sau { $key }=
call-unknown-argument = không có tham số `{ $key }`
call-unknown-argument-hint = các tham số có tên là period= và field=
call-trailing-text = có chữ thừa sau lời gọi
call-no-id = { $name }() cần mã của một chỉ tiêu hoặc bảng phân tổ
call-field-twice = trường được ghi hai lần
call-too-many = { $name }() nhận tối đa hai tham số thường
call-unclosed-quote = dấu nháy này không được đóng
call-no-release = không có bản tin nào cho kỳ { $period }
call-no-release-hint = các kỳ đã công bố là: { $periods }
call-period-set-aside = bản tin kỳ { $period } có lỗi riêng nên đã được để ra ngoài
call-page-no-period = { $name }() trên trang tự do phải ghi kỳ báo cáo
call-indicators-are = các chỉ tiêu của kỳ { $period } là: { $ids }
call-unknown-target = `{ $target }` không phải chỉ tiêu hay bảng phân tổ của kỳ { $period }
call-change-not-growth = change() diễn đạt một tốc độ tăng, mà `{ $field }` không phải tốc độ tăng
call-no-figures = bản tin kỳ { $period } không có số liệu của `{ $target }`
call-no-figures-hint = thêm `{ $target }:` dưới `indicators:` trong { $file }
call-no-field = `{ $target }` không có `{ $field }` trong kỳ { $period }
call-no-field-fill = điền `{ $field }:` dưới `{ $target }:` trong { $file }
call-no-field-present = các số liệu của nó ở đó là: { $fields }
call-takes-no-field = { $name }() không nhận trường

## Bài viết

typed-figure = con số { $shown } được gõ thẳng vào bài; nó là `{ $id }` { $field } trong data.yaml
typed-figure-hint = thay bằng { $call }, để mọi ngôn ngữ hiển thị đúng số liệu trong dữ liệu
typed-figure-change-hint = thay bằng { $change } (nó diễn đạt tăng hay giảm) hoặc { $value }, để mọi ngôn ngữ hiển thị đúng số liệu trong dữ liệu
repeated-paragraph = đoạn văn này lặp lại đoạn ở dòng { $line }
repeated-paragraph-hint = xóa một trong hai đoạn
repeated-sentence = câu này lặp lại câu ở dòng { $line }
repeated-sentence-same-line = câu này được viết hai lần trên cùng dòng
repeated-sentence-hint = xóa một trong hai câu: "{ $sentence }"

## Liên kết

dead-link = liên kết `{ $href }` không dẫn tới trang nào của trang web
link-leaves-site = liên kết `{ $href }` dẫn ra ngoài trang web
dead-link-hint = liên kết tới một trang của trang web như /2021-q1/, /en/indicators/exports/ hoặc /data/all.csv (địa chỉ tính từ gốc trang)
output-link-dead = địa chỉ `{ $href }` không dẫn tới tệp nào của trang web{ $pages ->
    [one] {""}
   *[other] {" "}({ $pages } trang liên kết tới nó; đây là trang đầu tiên)
}
output-link-outside = địa chỉ `{ $href }` nằm ngoài đường dẫn { $path } của trang web{ $pages ->
    [one] {""}
   *[other] {" "}({ $pages } trang liên kết tới nó; đây là trang đầu tiên)
}
output-link-hint = nó đến từ một khuôn mẫu của giao diện, hoặc từ HTML viết trong bài: hãy sửa ở đó

## Số liệu: hợp lý và nhất quán

sense-of-indicator = `{ $id }`: { $message }
sense-negative-level = giá trị không thể âm ({ $value }), và chỉ tiêu này thuộc loại { $kind }
sense-negative-level-hint = mức giảm được viết bằng `growth_yoy` âm, không phải `value` âm
sense-share = tỷ trọng nằm trong khoảng 0 đến 100%, không phải { $value }
sense-share-hint = `share` là phần trăm mà bộ phận này chiếm trong tổng số
sense-plan = không thể đạt kế hoạch ở mức âm ({ $value }%)
sense-plan-hint = `plan_attainment` là giá trị tính theo phần trăm kế hoạch năm, ví dụ 79.8
sense-fall = giảm { $value }% thì không còn gì
sense-fall-hint = tốc độ tăng là phần trăm thay đổi: giảm một nửa là -50
revision-hint = kỳ { $period } được đánh dấu `{ $status }`: nếu số liệu đó đã được điều chỉnh, hãy nhập số chính thức vào { $file } (và đánh dấu `final`); { $then }
growth-mismatch = `{ $id }` { $field } là { $stated }%, nhưng các giá trị cho { $implied }%: { $value } kỳ { $period } so với { $base_value } kỳ { $base_period }
growth-mismatch-otherwise = nếu không thì một trong ba số liệu bị sai: hãy đối chiếu với nguồn
growth-mismatch-hint = một trong ba số liệu bị sai: hãy đối chiếu với nguồn
plan-mismatch = `{ $id }` plan_attainment là { $stated }%, nhưng kế hoạch cho { $implied }%: { $value } so với { $base_value } của kỳ { $base_period } tăng theo mục tiêu { $target }% ({ $planned })
plan-mismatch-otherwise = nếu không thì hãy đối chiếu giá trị, mục tiêu và mức hoàn thành với nguồn
plan-mismatch-hint = hãy đối chiếu giá trị, mục tiêu và mức hoàn thành với nguồn
shares-over-100 = tổng tỷ trọng của `{ $id }` là { $sum }%, lớn hơn toàn bộ
shares-over-100-hint = tỷ trọng các bộ phận của một tổng cộng lại tối đa 100%: hãy kiểm tra các dòng (một nhóm và bộ phận của chính nó không thể cùng là dòng)
sum-part = { $period } { $value }
sum-mismatch = `{ $id }` giá trị { $total } kỳ { $period } không bằng tổng các kỳ thành phần: { $parts } = { $sum }
sum-mismatch-revised-hint = các kỳ thành phần công bố trước đó dưới dạng ước tính có thể đã được điều chỉnh: hãy nhập số đã điều chỉnh, hoặc kiểm tra lại tổng
sum-mismatch-hint = các kỳ thành phần và tổng phải khớp nhau: hãy đối chiếu với nguồn
unit-slip = `{ $id }` giá trị { $value } kỳ { $period } { $direction ->
    [smaller] nhỏ hơn
   *[larger] lớn hơn
} khoảng { $factor } lần so với chuỗi số liệu: { $how }
unit-slip-grown = { $base_value } kỳ { $base_period }, { $up ->
    [down] giảm
   *[up] tăng
} { $growth }%, cho khoảng { $expected }
unit-slip-was = kỳ { $base_period } là { $base_value }
unit-slip-is = kỳ { $period } là { $value }
unit-slip-scale-hint = đơn vị tính trong danh mục là { $unit_vi }: số này có vẻ được tính bằng { $written_in ->
    [thousand] nghìn
    [million] triệu
    [billion] tỷ
   *[trillion] nghìn tỷ
} nhưng ghi như tính bằng { $meant ->
    [thousand] nghìn
    [million] triệu
    [billion] tỷ
   *[trillion] nghìn tỷ
}; tính bằng { $unit_vi } thì là { $fixed }
unit-slip-hint = mọi giá trị đều tính theo đơn vị trong danh mục ({ $unit_vi }); nếu số này được ghi theo đơn vị khác, đúng ra phải là { $fixed }

## Bản dịch

translation-no-narrative = kỳ { $period } chưa có bài viết bằng `{ $lang }`: trang `{ $lang }` của nó hiển thị số liệu kèm ghi chú rằng bài viết chưa có
translation-no-narrative-hint = dịch { $file } vào tệp này
translation-no-row-label = một dòng của `{ $id }` chưa có nhãn bằng `{ $lang }`
translation-no-breakdown-text = `{ $id }` chưa có { $what } bằng `{ $lang }`
translation-add-until = thêm `{ $lang }: "…"`; trong lúc chờ, trang hiển thị nó bằng { $default }
translation-no-page = trang `{ $slug }` chưa có bản `{ $lang }`, nên không được xuất bản bằng `{ $lang }`
translation-no-indicator-text = `{ $id }` chưa có { $what } bằng `{ $lang }`
translation-add = thêm `{ $lang }: "…"`

## Giao diện và tìm kiếm

theme-missing = giao diện `{ $theme }` không có trong themes/{ $theme }/
theme-missing-hint = dùng theme = "default", hoặc thêm thư mục của giao diện
theme-no-strings = giao diện chưa có chữ giao diện cho `{ $lang }` (i18n/{ $lang }.toml)
theme-no-strings-hint = sao chép themes/default/i18n/en.toml thành themes/{ $theme }/i18n/{ $lang }.toml rồi dịch
template-error = lỗi khuôn mẫu: { $detail }
template-error-hint = sửa khuôn mẫu, hoặc xóa bản sao của trang để dùng khuôn mẫu của giao diện
template-context = không chuyển được trang cho khuôn mẫu: { $detail }
search-failed = không tạo được chỉ mục tìm kiếm: { $detail }
search-failed-hint = bantin chạy Pagefind (https://pagefind.app) để lập chỉ mục cho trang tìm kiếm. Chạy `npm ci` trong thư mục mã nguồn của bantin rồi dựng lại bantin, hoặc đặt BANTIN_PAGEFIND trỏ tới chương trình Pagefind 1.x; hoặc tắt trang tìm kiếm bằng `search = false` trong site.toml
pdf-no-browser = bản PDF của các bản tin (pdf = true) được in bằng Chromium, nhưng không khởi động được Chromium: { $detail }
pdf-no-browser-hint = Cài Chromium (Debian, Ubuntu: `apt-get install chromium`), hoặc đặt BANTIN_CHROME trỏ tới chương trình Chromium hay Chrome; hoặc tắt bản PDF bằng `pdf = false` trong site.toml
pdf-failed = không in được bản PDF { $file }: { $detail }
pdf-failed-hint = Mở bản tin bằng `bantin serve`: biểu đồ không vẽ được ở đó thì cũng không in được. Nếu chính Chromium bị lỗi, hãy dựng lại, hoặc đặt BANTIN_CHROME trỏ tới một Chromium khác; trong lúc chờ, `bantin build --no-pdf` công bố trang mà không có bản PDF

## build, init, new

build-done = Đã dựng { $pages } trang ({ $languages }{ $kept }), { $files } tệp trong { $ms } ms vào { $output }
build-kept = ; { $rendered } trang dựng lại, { $kept } trang giữ nguyên
build-pdfs = Bản PDF: { $pdfs } tệp ({ $printed } tệp in mới, các tệp khác giữ nguyên).
build-nothing-written = Không tệp nào được ghi: hãy sửa các lỗi ở trên rồi dựng lại.
build-look-locally = Trang này được dựng cho { $url }: mở thẳng từ { $output }/ thì các trang không có kiểu dáng và liên kết bị hỏng. Để xem trên máy này, hãy chạy `bantin serve`, hoặc dựng cho địa chỉ cục bộ bằng `bantin build --base-url http://localhost:8000/` rồi phục vụ { $output }/ tại địa chỉ đó.
output-is-site = không ghi trang vào { $out }: đó chính là thư mục trang, hoặc chứa nó (đặt output_dir = "public" trong site.toml)
output-looks-like-site = không ghi vào { $out }: thư mục này chứa content/ hoặc site.toml, trông như mã nguồn của một trang (hãy chọn một thư mục trống như public/)
output-in-sources = không ghi vào { $out }: thư mục này nằm trong thư mục { $folder }/ của trang (hãy chọn một thư mục như public/)
output-outside-site = không ghi vào { $out }: thư mục này nằm ngoài thư mục trang (thêm --force nếu bạn thực sự muốn)
output-foreign-file = { $out } chứa { $file }, tệp không do bantin tạo ra và sẽ bị ghi đè (hãy chuyển tệp đó đi, hoặc xóa nếu là bản sao cũ của trang)
output-not-ours = { $out } đã có và không do bantin tạo ra (không có { $manifest }): hãy làm trống hoặc chuyển nó đi, hoặc đặt output_dir khác trong site.toml
init-not-folder = { $dir } đã có và không phải thư mục
init-not-empty = { $dir } không trống: trang mới được tạo trong một thư mục trống hoặc mới (không tệp nào được ghi)
init-done = Trang mới nằm trong { $dir }. Xem trước bằng:

        cd { $dir } && bantin serve

    Sau đó đặt base_url và tiêu đề trong site.toml, các chỉ tiêu trong content/indicators.yaml,
    và bắt đầu một bản tin bằng `bantin new 2025-Q1`.
new-exists = kỳ { $period } đã được công bố trong { $file } (không tệp nào được ghi)
new-folder-exists = { $dir } đã có (không tệp nào được ghi)
new-done = Hãy điền số liệu vào data.yaml và nội dung của từng bài viết.
    `bantin check` liệt kê những gì còn thiếu.
new-done-last-year = Hãy điền số liệu vào data.yaml (số liệu cùng kỳ năm trước được ghi bên cạnh từng chỉ tiêu) và nội dung của từng bài viết.
    `bantin check` liệt kê những gì còn thiếu.

## serve

serve-public = cảnh báo: phục vụ trên { $bind } khiến các máy tính khác trong mạng cũng xem được bản xem trước
serve-port-taken = Cổng { $port } đang bận; dùng cổng { $using }.
serve-serving = Đang phục vụ { $root } tại { $url } (Ctrl-C để dừng)
serve-stopped = Đã dừng.
serve-after = {" "}sau khi sửa { $files }{ $more ->
    [0] {""}
   *[other] {" "}và { $more } tệp khác
}
serve-failed = Dựng trang thất bại{ $after }: trang tốt gần nhất vẫn được phục vụ, kèm danh sách lỗi trên mọi trang.
serve-built = { $updated ->
    [yes] Đã cập nhật
   *[no] Đã dựng
} { $pages } trang trong { $ms } ms{ $after }
serve-no-browser = cảnh báo: không mở được trình duyệt ({ $opener }: { $reason }); hãy tự mở { $url }
serve-search-off = cảnh báo: tìm kiếm không hoạt động trong bản xem trước này: { $problem }
overlay-title = Bản xem trước chưa cập nhật được: có lỗi
overlay-kept = Trang đang hiển thị là bản dựng tốt gần nhất. Sửa các lỗi dưới đây rồi lưu tệp; trang sẽ tự tải lại.
overlay-close = Đóng
overlay-hint = Gợi ý: { $hint }
overlay-warnings = bantin check: { $count } cảnh báo
unit-slip-near = { $base_value } kỳ { $base_period } ({ $base_months } tháng) tương ứng khoảng { $expected } cho { $months } tháng
decimals-thousands = `{ $id }` giá trị { $written } có ba chữ số thập phân trong khi chỉ tiêu hiển thị { $places }: có vẻ là { $meant } viết dấu chấm ngăn hàng nghìn, và sẽ được công bố nhỏ đi một nghìn lần
decimals-thousands-hint = viết { $meant }: trong tệp dữ liệu, dấu chấm chỉ đứng trước phần thập phân, và không ngăn cách hàng nghìn
decimals-rounded = `{ $id }` giá trị { $written } có { $shown } chữ số thập phân, nhưng chỉ tiêu hiển thị { $places } chữ số: trang sẽ làm tròn
decimals-rounded-hint = viết số liệu đúng như công bố, hoặc sửa `decimals` của chỉ tiêu trong content/indicators.yaml
growth-sign = `{ $id }` { $field } là { $stated }%, nhưng các giá trị lại { $rise ->
    [up] tăng
   *[down] giảm
}: { $value } kỳ { $period } so với { $base_value } kỳ { $base_period }
growth-sign-hint = mức giảm viết có dấu trừ, mức tăng viết không có dấu: hãy kiểm tra dấu của `{ $field }`, rồi đến hai giá trị

## Cảnh báo đã chấp nhận

accept-not-list = `accept` phải là danh sách các cảnh báo được chấp nhận, nhưng gặp { $found }
accept-not-mapping = mỗi cảnh báo được chấp nhận ghi quy tắc, chỉ tiêu, trường và lý do, nhưng gặp { $found }
accept-hint = viết ví dụ `- {"{"} rule: consistency/growth, indicator: retail, field: growth_yoy, reason: "so với số năm 2019 đã điều chỉnh" {"}"}`
accept-missing = mục chấp nhận này thiếu `{ $key }`
accept-unknown-rule = không có quy tắc `{ $rule }`
accept-rules = các quy tắc là: { $rules }
accept-unknown-indicator = `{ $id }` không có số liệu trong tệp này, nên không thể chấp nhận cảnh báo nào của nó ở đây
accept-unmatched = không còn gì để chấp nhận: `{ $rule }` không còn phát hiện gì về `{ $id }` { $field } trong tệp này
accept-error = `{ $rule }` phát hiện một lỗi về `{ $id }` { $field }: lỗi không thể được chấp nhận, chỉ có thể sửa
accept-unmatched-hint = xóa mục này khỏi `accept:` nếu số liệu đã được sửa; nếu không, hãy kiểm tra quy tắc, chỉ tiêu và trường của nó
report-accepted = Đã chấp nhận (vẫn liệt kê, không tính):
report-accepted-reason = đã chấp nhận: { $reason }
report-accepted-count = { $count } cảnh báo đã được chấp nhận
report-none-accepted = Không còn vấn đề cần sửa; { $count } cảnh báo đã được chấp nhận.
site-folder-unreadable = không mở được thư mục trang { $dir }
output-not-written = trang chưa được ghi; bản trước vẫn giữ nguyên

## Lịch công bố

calendar-hint = xem docs/content-format.md: `releases:`, mỗi mục có `period`, `date` và `status`
calendar-not-mapping = lịch phải gồm `holidays:`, `rules:` và `releases:`, nhưng gặp { $found }
calendar-not-list = cần một danh sách, nhưng gặp { $found }
calendar-bad-date = `{ $written }` không phải một ngày
calendar-date-hint = viết ngày dạng NĂM-THÁNG-NGÀY (2025-04-08), hoặc tháng của một kỳ công bố dự kiến dạng NĂM-THÁNG (2025-04)
calendar-bad-time = `{ $written }` không phải một giờ trong ngày
calendar-rule-not-mapping = mỗi quy tắc ghi `kind` và `day`
calendar-rule-hint = viết ví dụ `- {"{"} kind: month, day: 6 {"}"}`: ngày 6 của tháng sau kỳ báo cáo, lùi sang ngày làm việc kế tiếp
calendar-kinds = các loại là: { $kinds }
calendar-bad-kind = `{ $written }` không phải một loại bản tin
calendar-missing = thiếu `{ $key }` ở đây
calendar-bad-day = ngày của quy tắc là số nguyên từ 1 đến 31
calendar-entry-not-mapping = mỗi kỳ công bố trong lịch ghi `period`, `date` và `status`
calendar-duplicate = kỳ { $period } đã có trong lịch
calendar-no-date = kỳ { $period } chưa có ngày, và không có quy tắc nào cho loại của nó
calendar-no-date-hint = thêm `date: NĂM-THÁNG-NGÀY` (hoặc NĂM-THÁNG khi còn dự kiến), hoặc một quy tắc cho loại đó dưới `rules:`
calendar-status-hint = viết provisional (dự kiến), confirmed (đã xác nhận) hoặc cancelled (hủy)
calendar-bad-status = `{ $written }` không phải một tình trạng của lịch
calendar-confirmed-month = kỳ { $period } đã xác nhận nhưng chỉ có tháng
calendar-confirmed-month-hint = kỳ đã xác nhận phải có ngày (NĂM-THÁNG-NGÀY); khi mới biết tháng thì ghi `provisional`
calendar-cancelled-no-reason = kỳ { $period } bị hủy nhưng không ghi lý do
calendar-reason-hint = viết lý do bằng từng ngôn ngữ: `reason: {"{"} vi: "…", en: "…" {"}"}`
calendar-change-not-mapping = mỗi lần đổi ngày ghi ngày cũ (`from`) và lý do (`reason`)
calendar-change-hint = viết ví dụ `- {"{"} from: 2025-04-06, reason: {"{"} vi: "…", en: "…" {"}"} {"}"}`
calendar-release-missing = kỳ { $period } không có trong lịch công bố, trong khi lịch có các kỳ khác của năm đó
calendar-release-missing-hint = thêm kỳ này vào content/calendar.yaml với ngày đã công bố trước
calendar-late = kỳ { $period } được công bố ngày { $published }, sau ngày đã xác nhận là { $planned }
calendar-late-hint = công bố chậm là việc cần báo cáo; nếu ngày đã được dời trước đó, hãy ghi lần dời dưới `changes:` trong content/calendar.yaml
calendar-overdue = kỳ { $period } đã xác nhận công bố ngày { $planned }, nhưng trang chưa có bản tin kỳ này, trong khi bản tin mới nhất là ngày { $now }
calendar-overdue-hint = hãy công bố, hoặc ghi ngày mới (`changes:`) hay việc hủy (`status: cancelled` kèm lý do)
calendar-next-year = lịch chưa có kỳ công bố nào của năm { $year }, trong khi bản tin mới nhất của trang là ngày { $now }
calendar-next-year-hint = Nghị định 94/2016/NĐ-CP yêu cầu công bố lịch năm sau trước ngày 15 tháng 12: hãy thêm các kỳ của năm { $year } vào content/calendar.yaml

## Điều chỉnh số liệu

revisions-hint = viết ví dụ `- {"{"} period: 2021-02, status: final, reason: {"{"} vi: "…", en: "…" {"}"}, indicators: {"{"} retail: {"{"} value: 11870.2 {"}"} {"}"} {"}"}`
revisions-not-list = `revisions` phải là danh sách các kỳ trước, nhưng gặp { $found }
revisions-not-mapping = mỗi lần điều chỉnh ghi kỳ (`period`), các chỉ tiêu (`indicators`) và lý do (`reason`)
revisions-not-earlier = bản tin chỉ điều chỉnh số liệu các kỳ trước, mà kỳ { $period } không trước kỳ { $own }
revisions-not-earlier-hint = số liệu của chính kỳ này ghi dưới `indicators:`
revisions-twice = kỳ { $period } được điều chỉnh hai lần trong bản tin này
revisions-bad-correction = `correction` là true (sửa một lỗi) hoặc false (điều chỉnh thông thường)
revisions-large = `{ $id }` { $field } kỳ { $period } được điều chỉnh từ { $from } thành { $to }, thay đổi { $change }%, mà không ghi lý do
revisions-large-hint = ghi lý do dưới `reason:` (điều chỉnh lớn như vậy cần có lý do), hoặc kiểm tra lại số mới
revisions-unknown-period = không có bản tin kỳ { $period } để điều chỉnh
revisions-unknown-period-hint = điều chỉnh là ghi lại một số liệu đã được công bố: hãy kiểm tra kỳ báo cáo

## bantin import
import-needs-map = bantin import cần --map MAP.yaml và --period KỲ (hoặc --init-map để đề xuất một tệp ánh xạ)
import-file-unreadable = không đọc được { $file }: { $detail }
import-workbook-unreadable = không đọc được tệp bảng tính { $file }: { $detail }
import-sheet-unreadable = không đọc được trang “{ $sheet }”: { $detail }
import-no-sheet = tệp bảng tính không có trang “{ $sheet }” (các trang: { $sheets })
import-no-sheet-hint = viết tên trang đúng như trên thẻ trang, ở `sheet:`
import-bad-date = “{ $date }” không phải ngày tháng
import-bad-date-hint = viết ngày công bố dạng YYYY-MM-DD, ví dụ 2025-04-06
import-set-aside = bản tin kỳ { $period } có lỗi khiến bantin không đọc được tệp số liệu
import-set-aside-hint = chạy `bantin check`, sửa tệp, rồi nhập lại
import-map-expected-mapping = ở đây cần các khóa và giá trị, nhưng gặp { $found }
import-map-what-top = khóa của tệp ánh xạ
import-map-what-indicator = chỉ tiêu
import-map-what-field = trường
import-map-what-figure = khóa của số liệu
import-map-what-breakdown = khóa của bảng phân tổ
import-map-empty = tệp ánh xạ không nêu chỉ tiêu hay bảng phân tổ nào
import-map-empty-hint = liệt kê các số liệu dưới `indicators:` (và `breakdowns:`); `bantin import --init-map TỆP` đề xuất một tệp ánh xạ
import-map-bad-status = tình trạng số liệu không phải estimate, preliminary hay final
import-map-bad-status-hint = viết status: estimate (ước tính), preliminary (sơ bộ) hoặc final (chính thức)
import-map-bad-column = “{ $column }” không phải tên cột
import-map-bad-column-hint = viết cột như Excel đặt tên: A, B, … AA
import-map-bad-cell = “{ $cell }” không phải địa chỉ ô
import-map-bad-cell-hint = viết ô như Excel đặt tên, ví dụ C12
import-map-bad-percent = `percent` là `fraction` hoặc `shown`
import-map-bad-percent-hint = viết percent: fraction khi ô ghi 0,2515 cho 25,15% và tệp là .xls hoặc .ods (tệp .xlsx tự cho biết điều này)
import-map-no-place = số liệu này không nêu ô cũng không nêu cột
import-map-no-place-hint = viết `cell: C12`, hoặc `column: "Ước tính"` cùng nhãn dòng `row:`
import-map-no-sheet = chưa nêu trang cho { $figure }
import-map-no-sheet-hint = thêm `sheet: "…"` ở đây, ở chỉ tiêu, hoặc ở đầu tệp ánh xạ cho mọi số liệu
import-map-no-row = { $figure } nêu cột nhưng không nêu dòng
import-map-no-row-hint = thêm nhãn của dòng, `row: "Kim ngạch xuất khẩu"`, ở chỉ tiêu hoặc số liệu, hoặc nêu thẳng ô
import-map-bad-rows = `rows` của bảng phân tổ không phải một khối dòng
import-map-bad-rows-hint = viết rows: { "{" } first: "nhãn dòng đầu", last: "nhãn dòng cuối" { "}" }, rows: { "{" } under: "nhãn dòng tiêu đề nhóm" { "}" }, hoặc rows: A12:A20
import-map-no-columns = bảng phân tổ chưa có `columns`
import-map-no-columns-hint = nêu cột của từng số liệu theo tiêu đề, ví dụ columns: { "{" } growth_yoy: "% so cùng kỳ" { "}" }
import-map-bad-field = `field` không phải một trong các trường số liệu
import-map-exists = { $file } đã có: hãy chọn tệp khác cho --map
import-map-written = đã ghi tệp ánh xạ đề xuất vào { $file }: hãy đối chiếu với tệp bảng tính trước khi nhập
import-no-row = trang “{ $sheet }” không có dòng nào có nhãn “{ $label }”
import-no-row-close = nhãn gần nhất là “{ $label }”: hãy viết như trong tệp bảng tính
import-no-row-hint = viết nhãn như ở cột đầu của tệp bảng tính (dấu và chữ hoa không quan trọng)
import-row-ambiguous = “{ $label }” là nhãn của nhiều dòng trong “{ $sheet }” ({ $cells })
import-row-ambiguous-hint = viết nhãn dài hơn, nêu cột chứa nhãn (`label_column: A`), hoặc nêu thẳng ô
import-no-column = không có cột nào của “{ $sheet }” có tiêu đề “{ $header }” phía trên dòng này
import-no-column-hint = các tiêu đề phía trên là { $headers }
import-column-ambiguous = “{ $header }” là tiêu đề của nhiều cột trong “{ $sheet }” ({ $columns })
import-column-ambiguous-hint = nêu thêm tiêu đề phía trên, từ trên xuống: column: ["Quý I", "Ước tính"]
import-rows-reversed = dòng “{ $last }” nằm trước dòng “{ $first }”
import-rows-none-under = không có dòng nào sau “{ $label }” trước một nhãn trống
import-rows-empty = khối dòng không có dòng nào có nhãn
import-breakdown-no-title = bảng phân tổ `{ $breakdown }` chưa có tên
import-breakdown-no-title-hint = thêm title: { "{" } vi: "…", en: "…" { "}" } cho bảng phân tổ trong tệp ánh xạ
import-cell-not-finite = ô chứa một số quá lớn, không phải số liệu
import-cell-text = ô chứa văn bản “{ $text }”, không phải số
import-cell-text-hint = nhập số liệu dưới dạng số (5718,5 hoặc 5.718,5), để trống hoặc ghi "-" khi không có số liệu; hoặc sửa tệp ánh xạ nếu nó chỉ sai ô
import-cell-error = ô báo lỗi { $error }
import-cell-error-hint = sửa công thức trong tệp bảng tính rồi nhập lại
import-cell-date = ô chứa ngày tháng, không phải số liệu
import-cell-date-hint = kiểm tra tệp ánh xạ có chỉ đúng ô không, và định dạng của ô có phải là số không
import-cell-formula-uncached = công thức { $formula } chưa có kết quả được lưu
import-cell-formula-uncached-hint = bantin đọc kết quả mà chương trình bảng tính đã lưu, không tự tính công thức: hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại
import-blank = { $figure }: ô { $cell } không có số liệu (trống hoặc “-”): bỏ qua
import-unchanged = { $file } đã có đúng các số liệu này: không cần ghi.
import-changes = Những gì thay đổi:
import-change = { $figure }: { $before } → { $after }
import-change-new = { $figure }: (mới) { $after }
import-change-gone = { $figure }: { $before } → (bỏ)
import-exists = bản tin đã có tệp số liệu này: { $count } số liệu khác (liệt kê ở trên)
import-exists-head = bản tin đã có tệp số liệu này, cùng số liệu nhưng khác tình trạng số liệu hoặc ngày công bố
import-exists-hint = chạy lại với --update để ghi số liệu của tệp bảng tính vào (mọi phần khác của tệp được giữ nguyên)
import-created = đã tạo { $file } với { $count } số liệu.
import-updated = đã cập nhật { $file }: { $count } số liệu thay đổi.
import-checked = bantin check với bản tin:
import-file-head = Nhập bằng `bantin import` từ { $workbook } (tệp ánh xạ: { $map }).
    Bên cạnh mỗi số liệu là ô chứa số liệu đó.
import-proposal-head = Tệp ánh xạ do `bantin import --init-map` đề xuất cho { $workbook }.
    Các cột được đoán theo tiêu đề: hãy đối chiếu từng dòng với tệp bảng tính
    trước khi nhập. Tìm thấy { $found } trên { $total } chỉ tiêu.
import-proposal-column = cột
import-proposal-missing = Không tìm thấy trong nhãn các dòng (tự thêm nếu tệp bảng tính có):
import-proposal-breakdowns = Các bảng phân tổ (khối dòng) được thêm bằng tay: xem
    "Importing from a workbook" trong docs/content-format.md.
