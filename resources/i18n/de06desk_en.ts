<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ActivationDialog</name>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="58"/>
        <source>Ghi nhận đã kích hoạt</source>
        <translation>Record activation</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="74"/>
        <source>Số điện thoại kích hoạt</source>
        <translation>Activation phone</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="75"/>
        <source>Ngày kích hoạt</source>
        <translation>Activated on</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="493"/>
        <source>Tài khoản quản trị</source>
        <translation>Administrator account</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="494"/>
        <source>Dùng để đăng nhập; hãy ghi nhớ mật khẩu.</source>
        <translation>Used to log in; remember the password.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="507"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="508"/>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="509"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="510"/>
        <source>Nhập lại mật khẩu</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="519"/>
        <source>Hãy nhập tên đăng nhập.</source>
        <translation>Enter a user name.</translation>
    </message>
    <message>
        <source>Mật khẩu cần ít nhất {n} ký tự.</source>
        <translation type="vanished">The password needs at least {n} characters.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="523"/>
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="56"/>
        <source>Chỉ quản trị viên được xem nhật ký hoạt động.</source>
        <translation>Only administrators may view the activity log.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="69"/>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="75"/>
        <source>Lọc</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="79"/>
        <location filename="../../de06desk/ui/screens/audit.py" line="92"/>
        <source>Người dùng</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="81"/>
        <location filename="../../de06desk/ui/screens/audit.py" line="93"/>
        <source>Thao tác</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="85"/>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="91"/>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="94"/>
        <source>Loại bản ghi</source>
        <translation>Record type</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="95"/>
        <source>Bản ghi</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Trước</source>
        <translation type="vanished">Before</translation>
    </message>
    <message>
        <source>Sau</source>
        <translation type="vanished">After</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="97"/>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="114"/>
        <source>Xem thêm</source>
        <translation>Show more</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="159"/>
        <source>(tất cả)</source>
        <translation>(all)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="96"/>
        <source>Thay đổi</source>
        <translation>Changes</translation>
    </message>
</context>
<context>
    <name>ChoiceEditor</name>
    <message>
        <location filename="../../de06desk/ui/editors.py" line="275"/>
        <source>— Chọn —</source>
        <translation>— Choose —</translation>
    </message>
</context>
<context>
    <name>CitizenImportDialog</name>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="67"/>
        <source>Nhập danh sách công dân</source>
        <translation>Import a citizen list</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="74"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="89"/>
        <source>Tệp Excel (.xlsx, .xls) hoặc CSV</source>
        <translation>Excel file (.xlsx, .xls) or CSV</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="90"/>
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="94"/>
        <source>Tự nhận</source>
        <translation>Detect</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="103"/>
        <source>Danh sách công dân</source>
        <translation>Citizen list</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="104"/>
        <source>Danh sách trạng thái VNeID (mức 1, mức 2)</source>
        <translation>VNeID status list (level 1, level 2)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="107"/>
        <source>Đọc tệp</source>
        <translation>Read file</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="111"/>
        <source>Hoàn tác lần nhập gần nhất</source>
        <translation>Undo the last import</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="117"/>
        <source>Loại danh sách:</source>
        <translation>List type:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="118"/>
        <source>Tệp danh sách:</source>
        <translation>List file:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="119"/>
        <source>Bảng mã (CSV):</source>
        <translation>Encoding (CSV):</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="120"/>
        <source>Trang tính:</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <source>Nhận tệp Excel (.xlsx, .xls) và CSV (UTF-8 hoặc Windows-1258). Tệp gõ bằng phông TCVN3 (.VnTime) hay VNI cần chuyển sang Unicode trước.</source>
        <translation type="vanished">Accepts Excel (.xlsx, .xls) and CSV (UTF-8 or Windows-1258) files. Files typed in TCVN3 (.VnTime) or VNI fonts must be converted to Unicode first.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="123"/>
        <source>Nhận tệp Excel (.xlsx, .xls) và CSV (UTF-8, UTF-16 hoặc Windows-1258). Tệp gõ bằng phông TCVN3 (.VnTime) hay VNI cần chuyển sang Unicode trước. Danh sách trạng thái được ghép với công dân theo số định danh.</source>
        <translation>Accepts Excel (.xlsx, .xls) and CSV (UTF-8, UTF-16 or Windows-1258) files. Files typed in TCVN3 (.VnTime) or VNI fonts must be converted to Unicode first. A status list is matched to the citizens by ID number.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="142"/>
        <source>Chọn danh sách công dân</source>
        <translation>Choose a citizen list</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="144"/>
        <source>Danh sách (*.xlsx *.xls *.csv *.txt);;Mọi tệp (*)</source>
        <translation>Lists (*.xlsx *.xls *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="165"/>
        <source>Đang đọc tệp</source>
        <translation>Reading the file</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="189"/>
        <source>Tạo thôn/xóm chưa có trong danh mục</source>
        <translation>Create villages not yet in the list</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="190"/>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="312"/>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="192"/>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="204"/>
        <source>Cùng một thôn/xóm cho mọi dòng:</source>
        <translation>The same village for every row:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="234"/>
        <source>(theo cột Thôn/Xóm hoặc địa chỉ)</source>
        <translation>(from the Village column or the address)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="243"/>
        <source>(không nhập)</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="245"/>
        <source>Cột {n}</source>
        <translation>Column {n}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="249"/>
        <source>{rows} dòng dữ liệu (từ dòng {first}). Hãy kiểm tra cột nào ứng với thông tin nào; các cột có dấu * là bắt buộc.</source>
        <translation>{rows} data rows (from row {first}). Check which column holds which information; columns marked * are required.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="253"/>
        <source>Bỏ qua {n} dòng không phải dữ liệu.</source>
        <translation>Skipped {n} rows that are not data.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="257"/>
        <source>Cách ghép cột được lấy theo lần nhập trước của tệp cùng mẫu.</source>
        <translation>Columns matched as in the last import of a file with the same layout.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="295"/>
        <source>Đang xem trước</source>
        <translation>Preparing the preview</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="306"/>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="306"/>
        <source>Lý do từ chối</source>
        <translation>Reason refused</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="314"/>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="423"/>
        <source>Lưu danh sách bị từ chối…</source>
        <translation>Save the refused rows…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="337"/>
        <source>Khác với xã — dòng {r} ({n}): {m}</source>
        <translation>Differs from the commune’s data — row {r} ({n}): {m}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="348"/>
        <source>Thôn/xóm sẽ tạo mới: {names}.</source>
        <translation>Villages to be created: {names}.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="355"/>
        <source>{n} dòng có số định danh không khớp năm sinh hoặc giới tính: vẫn được nhập và sẽ hiện ở màn hình Kiểm tra dữ liệu.</source>
        <translation>{n} rows have an ID number that does not match the birth year or sex: they are imported anyway and will show in the data check.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="418"/>
        <source>Đã hủy: không có dòng nào được ghi. Bấm nút ghi để ghi lại.</source>
        <translation>Cancelled: no row was written. Press the write button to try again.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="369"/>
        <source>Ghi {n} dòng vào dữ liệu</source>
        <translation>Write {n} rows to the data</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="380"/>
        <source>Lưu danh sách bị từ chối</source>
        <translation>Save the refused rows</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="382"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="389"/>
        <source>Đã lưu danh sách bị từ chối: {p}</source>
        <translation>Refused rows saved: {p}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="408"/>
        <source>Đang ghi dữ liệu</source>
        <translation>Writing the data</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="425"/>
        <source>Hoàn tác lần nhập này</source>
        <translation>Undo this import</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="441"/>
        <source>Đã nhập xong: thêm mới {added}, cập nhật {updated}, không đổi {same}, bị từ chối {refused}.</source>
        <translation>Import finished: {added} added, {updated} updated, {same} unchanged, {refused} refused.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="450"/>
        <source>Đã tạo {n} thôn/xóm.</source>
        <translation>{n} villages created.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="452"/>
        <source>Mã lần nhập: {b}</source>
        <translation>Import code: {b}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="478"/>
        <source>Đang hoàn tác</source>
        <translation>Undoing</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="484"/>
        <source>Đã hoàn tác lần nhập {b}.</source>
        <translation>Import {b} undone.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="506"/>
        <source>Lần nhập gần nhất ({src}) đã được hoàn tác.</source>
        <translation>The last import ({src}) has been undone.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="511"/>
        <source>Lần nhập gần nhất: {src}, lúc {at}, thêm {a}, cập nhật {u} (mã {b}).</source>
        <translation>Last import: {src}, at {at}, {a} added, {u} updated (code {b}).</translation>
    </message>
</context>
<context>
    <name>CitizenListScreen</name>
    <message>
        <location filename="../../de06desk/ui/screens/citizens.py" line="35"/>
        <source>Nhập danh sách công dân…</source>
        <translation>Import citizen list…</translation>
    </message>
    <message>
        <source>Nhập danh sách công dân</source>
        <translation type="vanished">Import a citizen list</translation>
    </message>
    <message>
        <source>Chức năng này đang được chuẩn bị.</source>
        <translation type="vanished">This feature is being prepared.</translation>
    </message>
</context>
<context>
    <name>CitizensScreen</name>
    <message>
        <location filename="../../de06desk/ui/screens/citizens.py" line="55"/>
        <source>Danh sách công dân</source>
        <translation>Citizens</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/citizens.py" line="56"/>
        <source>Theo dõi</source>
        <translation>Follow-up</translation>
    </message>
</context>
<context>
    <name>CleanupScreen</name>
    <message>
        <location filename="../../de06desk/ui/screens/cleanup.py" line="46"/>
        <source>Hồ sơ làm sạch</source>
        <translation>Cleanup cases</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/cleanup.py" line="48"/>
        <source>Kiểm tra chất lượng dữ liệu</source>
        <translation>Data quality check</translation>
    </message>
</context>
<context>
    <name>CommunePage</name>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="131"/>
        <source>Chọn xã/phường</source>
        <translation>Choose the commune</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="134"/>
        <source>Danh mục đơn vị hành chính từ 01/07/2025. Gõ tên, có dấu hay không dấu đều được.</source>
        <translation>Administrative units from 1 July 2025. Type the name, with or without diacritics.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="139"/>
        <source>Tất cả tỉnh, thành phố</source>
        <translation>All provinces and cities</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="144"/>
        <source>Ví dụ: ta van</source>
        <translation>For example: ta van</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="150"/>
        <source>Tỉnh/Thành phố</source>
        <translation>Province/City</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="151"/>
        <source>Tìm xã/phường</source>
        <translation>Find commune/ward</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="179"/>
        <source>Đã chọn: {c} (mã {code})</source>
        <translation>Chosen: {c} (code {code})</translation>
    </message>
</context>
<context>
    <name>CommuneRecordsDialog</name>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="54"/>
        <source>Dữ liệu của {c} {n} (chỉ xem)</source>
        <translation>Data of {c} {n} (read-only)</translation>
    </message>
</context>
<context>
    <name>CommunesScreen</name>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="95"/>
        <source>Mã xã</source>
        <translation>Commune code</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="96"/>
        <source>Tên xã, phường</source>
        <translation>Commune, ward</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="97"/>
        <source>Gói cuối</source>
        <translation>Last package</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="98"/>
        <source>Gói còn thiếu</source>
        <translation>Missing packages</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="99"/>
        <source>Tình trạng gửi</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="100"/>
        <source>Kích hoạt tuần này</source>
        <translation>Activated this week</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="101"/>
        <source>Lũy kế / chỉ tiêu</source>
        <translation>Cumulative / target</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="102"/>
        <source>Nhật ký</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="116"/>
        <source>Khóa của đơn vị này</source>
        <translation>This unit’s key</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="121"/>
        <source>Lưu tệp khóa công khai…</source>
        <translation type="vanished">Save public-key file…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="125"/>
        <source>In phiếu vân tay…</source>
        <translation>Print fingerprint sheet…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="128"/>
        <source>Đăng ký khóa của xã…</source>
        <translation>Register a commune key…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="137"/>
        <source>Xã đang chọn</source>
        <translation>Selected commune</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="139"/>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="270"/>
        <source>Chọn một xã trong bảng.</source>
        <translation>Select a commune in the table.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="145"/>
        <source>Xem dữ liệu của xã…</source>
        <translation>View the commune’s data…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="148"/>
        <source>Thay khóa của xã…</source>
        <translation>Replace the commune’s key…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="151"/>
        <source>Khi xã cài lại máy hoặc mất máy: nhận tệp khóa mới, đối chiếu vân tay</source>
        <translation>When a commune reinstalled or lost its PC: take the new key file, check the fingerprint</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="154"/>
        <source>Báo cáo của xã…</source>
        <translation>The commune’s report…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="156"/>
        <source>Mở màn hình Báo cáo với xã này</source>
        <translation>Open the Report screen on this commune</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="176"/>
        <source>{n} — vân tay: {fp}</source>
        <translation type="vanished">{n} — fingerprint: {fp}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="185"/>
        <source>Các xã — đang tính số liệu…</source>
        <translation>Communes — computing figures…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="212"/>
        <source>Các xã — {w}: {n} xã, {r} đã đăng ký khóa, {s} đã gửi tuần này</source>
        <translation>Communes — {w}: {n} communes, {r} with a registered key, {s} sent this week</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="279"/>
        <source>{c} {n}: chưa đăng ký khóa. Nhận tệp khóa công khai của xã (.pub), đối chiếu vân tay qua điện thoại, rồi bấm “Đăng ký khóa của xã…”.</source>
        <translation>{c} {n}: no key registered. Take the commune’s public-key file (.pub), check its fingerprint by phone, then press “Register a commune key…”.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="283"/>
        <source>{c} {n} — vân tay đã đăng ký: {fp} (từ {d})</source>
        <translation>{c} {n} — registered fingerprint: {fp} (since {d})</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="289"/>
        <source>Đã nhận {p} gói; gói cuối lập ngày {d}, nhập ngày {i}.</source>
        <translation>{p} packages received; the last written on {d}, imported on {i}.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="296"/>
        <source>không</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="298"/>
        <source>Máy {d}: {p} gói, số cuối {s}, còn thiếu: {m}</source>
        <translation>Device {d}: {p} packages, last number {s}, missing: {m}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="303"/>
        <source>CẢNH BÁO: {f}</source>
        <translation>WARNING: {f}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="327"/>
        <source>Lưu tệp khóa công khai</source>
        <translation type="vanished">Save public-key file</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="338"/>
        <source>Đã lưu</source>
        <translation type="vanished">Saved</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="340"/>
        <source>Đã lưu {p}.
Vân tay: {fp}
Phát tệp này cho các xã và đọc vân tay cho xã đối chiếu qua điện thoại.</source>
        <translation type="vanished">Saved {p}.
Fingerprint: {fp}
Hand this file to the communes and read them the fingerprint by phone.</translation>
    </message>
    <message>
        <source>Phiếu vân tay khóa đồng bộ</source>
        <translation type="vanished">Sync key fingerprint sheet</translation>
    </message>
    <message>
        <source>Vân tay cấp trên: {fp}</source>
        <translation type="vanished">Hub fingerprint: {fp}</translation>
    </message>
    <message>
        <source>Khi nhận tệp khóa, hai bên đọc vân tay cho nhau qua điện thoại và so với phiếu này.</source>
        <translation type="vanished">When a key file changes hands, both sides read the fingerprint to each other by phone and compare it with this sheet.</translation>
    </message>
    <message>
        <source>Vân tay đã đăng ký</source>
        <translation type="vanished">Registered fingerprint</translation>
    </message>
    <message>
        <source>In ngày {d}</source>
        <translation type="vanished">Printed on {d}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="357"/>
        <source>Phiếu vân tay</source>
        <translation>Fingerprint sheet</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="363"/>
        <source>Chọn tệp khóa công khai của xã</source>
        <translation>Choose the commune’s public-key file</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="378"/>
        <source>Tệp này là khóa của cấp trên, không phải của một xã.</source>
        <translation type="vanished">This file is a hub’s key, not a commune’s.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/communes.py" line="382"/>
        <source>Xác nhận khóa của xã</source>
        <translation>Confirm the commune key</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../de06desk/ui/app.py" line="82"/>
        <source>Đã xảy ra lỗi không mong muốn ({kind}). Dữ liệu đã lưu vẫn an toàn.
Nếu lỗi lặp lại, hãy gửi tệp nhật ký cho bộ phận hỗ trợ:
{path}</source>
        <translation>An unexpected error occurred ({kind}). Data already saved is safe.
If it happens again, send the log file to support:
{path}</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <location filename="../../de06desk/ui/screens/dashboard.py" line="229"/>
        <source>Tổng quan — {w}</source>
        <translation>Overview — {w}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/dashboard.py" line="192"/>
        <source>Tổng quan — đang tính số liệu…</source>
        <translation>Overview — counting…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/dashboard.py" line="154"/>
        <source>Chưa nhận số liệu nào của các xã. Bước đầu tiên: vào “2. Các xã” (Alt+2), lưu tệp khóa công khai để phát cho các xã và đăng ký tệp khóa của từng xã; rồi vào “3. Nhận gói” (Alt+3) để nhập các gói xã gửi lên bằng USB.</source>
        <translation>No figures from the communes yet. First step: in “2. Communes” (Alt+2) save the public-key file to hand to the communes and register each commune’s key file; then in “3. Receive packages” (Alt+3) import the packages the communes send up by USB stick.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/dashboard.py" line="162"/>
        <source>Chưa có số liệu nào. Bước đầu tiên: vào “2. Đợt kích hoạt” (Alt+2), bấm “Thêm mới (Ctrl+N)” để ghi đợt kích hoạt đầu tiên; hoặc vào “3. Công dân &amp; theo dõi” (Alt+3) để nhập danh sách công dân từ tệp Excel.</source>
        <translation>No figures yet. First step: open “2. Activation drives” (Alt+2) and press “New (Ctrl+N)” to record the first activation drive; or open “3. Citizens &amp; follow-up” (Alt+3) to import the citizen list from an Excel file.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/dashboard.py" line="265"/>
        <source>{now} so với {before}</source>
        <translation>{now} compared with {before}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/dashboard.py" line="277"/>
        <source>xã, phường</source>
        <translation>communes</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/dashboard.py" line="277"/>
        <source>thôn, tổ dân phố</source>
        <translation>villages</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/dashboard.py" line="279"/>
        <source>Tài khoản kích hoạt {now} theo {where}</source>
        <translation>Accounts activated ({now}) by {where}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/dashboard.py" line="287"/>
        <source>Đã kích hoạt</source>
        <translation>Activated</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/dashboard.py" line="233"/>
        <source>Số liệu tính đến hết ngày {d}</source>
        <translation>Figures counted to the end of {d}</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <source>Bỏ đánh dấu để để trống ngày này</source>
        <translation type="vanished">Untick to leave this date empty</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/editors.py" line="188"/>
        <source>Đánh dấu để nhập ngày; bỏ đánh dấu (hoặc phím Delete) để để trống</source>
        <translation>Tick to enter a date; untick (or press Delete) to leave it empty</translation>
    </message>
</context>
<context>
    <name>DeletedDialog</name>
    <message>
        <location filename="../../de06desk/ui/deleted_view.py" line="56"/>
        <source>Đã xóa: {form}</source>
        <translation>Deleted: {form}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/deleted_view.py" line="58"/>
        <source>Chọn một bản ghi rồi bấm “Khôi phục” để đưa nó trở lại danh sách.</source>
        <translation>Select a record and press “Restore” to put it back on the list.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/deleted_view.py" line="66"/>
        <source>Xóa lúc</source>
        <translation>Deleted at</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/deleted_view.py" line="67"/>
        <source>Người xóa</source>
        <translation>Deleted by</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/deleted_view.py" line="79"/>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/deleted_view.py" line="84"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/deleted_view.py" line="115"/>
        <source>Không có bản ghi nào đã xóa.</source>
        <translation>No deleted records.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../de06desk/ui/dialogs_common.py" line="25"/>
        <source>Chưa lưu thay đổi</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs_common.py" line="26"/>
        <source>Bạn đã sửa thông tin nhưng chưa lưu. Có lưu lại không?</source>
        <translation>You changed this record but did not save it. Save it now?</translation>
    </message>
</context>
<context>
    <name>DrivesScreen</name>
    <message>
        <location filename="../../de06desk/ui/screens/drives.py" line="51"/>
        <source>Thông tin đợt</source>
        <translation>Drive details</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/drives.py" line="52"/>
        <location filename="../../de06desk/ui/screens/drives.py" line="103"/>
        <source>Danh sách công dân</source>
        <translation>Citizens</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/drives.py" line="93"/>
        <source>Tính tự động từ danh sách công dân của đợt ({n} người).</source>
        <translation>Counted from the drive&apos;s roster ({n} people).</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/drives.py" line="99"/>
        <source>Danh sách công dân ({n})</source>
        <translation>Roster ({n})</translation>
    </message>
</context>
<context>
    <name>FieldListDialog</name>
    <message>
        <location filename="../../de06desk/ui/dialogs/field_list.py" line="36"/>
        <source>Danh sách công dân cần theo dõi</source>
        <translation>Citizens to follow up</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/field_list.py" line="42"/>
        <source>PDF để in (A4 ngang)</source>
        <translation>PDF for printing (A4 landscape)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/field_list.py" line="43"/>
        <source>Excel (.xlsx)</source>
        <translation>Excel (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/field_list.py" line="46"/>
        <source>Tệp này có thông tin cá nhân của công dân (họ tên, năm sinh, số định danh, số điện thoại). Chỉ dùng cho việc rà soát tại thôn/xóm; không gửi qua mạng xã hội, không để lại trên máy dùng chung; hủy bản in và xóa tệp khi xong việc. Việc xuất tệp được ghi vào nhật ký.</source>
        <translation>This file holds citizens&apos; personal data (names, birth years, ID numbers, phones). Use it only for follow-up in the village; do not send it over social networks or leave it on a shared computer; destroy printouts and delete the file when done. The export is recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/field_list.py" line="54"/>
        <source>Tôi hiểu và sẽ giữ kín tệp này</source>
        <translation>I understand and will keep this file confidential</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/field_list.py" line="59"/>
        <source>Xuất tệp…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/field_list.py" line="65"/>
        <source>Thôn/xóm:</source>
        <translation>Village:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/field_list.py" line="66"/>
        <source>Định dạng:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/field_list.py" line="86"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/field_list.py" line="86"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/field_list.py" line="88"/>
        <source>Lưu danh sách</source>
        <translation>Save list</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/field_list.py" line="103"/>
        <source>Đang xuất danh sách</source>
        <translation>Exporting the list</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/field_list.py" line="110"/>
        <source>Đã xuất {n} dòng của {v} vào {p}.</source>
        <translation>Exported {n} rows of {v} to {p}.</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="102"/>
        <source>Tiêu chí</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="103"/>
        <source>Kiểm tra</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="104"/>
        <source>Công dân</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="105"/>
        <source>Giải thích</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="122"/>
        <source>[Đã có hồ sơ làm sạch] </source>
        <translation>[Cleanup case exists] </translation>
    </message>
</context>
<context>
    <name>FollowUpPanel</name>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="139"/>
        <source>Mọi thôn/xóm</source>
        <translation>All villages</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="146"/>
        <location filename="../../de06desk/ui/followup.py" line="170"/>
        <source>Thôn/Xóm</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="147"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="148"/>
        <source>Số định danh</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="149"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="150"/>
        <source>Ngày phê duyệt</source>
        <translation>Approved on</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="151"/>
        <source>Số ngày chờ</source>
        <translation>Days waiting</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="152"/>
        <location filename="../../de06desk/ui/followup.py" line="358"/>
        <source>Lý do chưa kích hoạt</source>
        <translation>Reason not activated</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="158"/>
        <source>✔ Đã kích hoạt…</source>
        <translation>✔ Activated…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="161"/>
        <source>Chưa kích hoạt được: ghi lý do…</source>
        <translation>Not activated: record reason…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="168"/>
        <source>Ngày phát hiện</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="169"/>
        <source>Số ngày</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="171"/>
        <source>Công dân</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="172"/>
        <source>Tiêu chí</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="173"/>
        <source>Loại sai sót</source>
        <translation>Error type</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="174"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="175"/>
        <source>Mô tả</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="180"/>
        <source>✔ Đã chỉnh sửa…</source>
        <translation>✔ Corrected…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="182"/>
        <source>Không phải sai sót</source>
        <translation>Not an error</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="194"/>
        <source>Xuất danh sách đi thôn…</source>
        <translation>Export village visit list…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="197"/>
        <source>In hoặc lưu danh sách cần theo dõi của một thôn để mang đi rà soát.</source>
        <translation>Print or save a village&apos;s follow-up list to take on a visit.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="207"/>
        <source>Lọc theo:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="264"/>
        <source>Đã phê duyệt, chưa kích hoạt: {n} người</source>
        <translation>Approved, not activated: {n} people</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="287"/>
        <source>Hồ sơ làm sạch chưa xong (cũ nhất trước): {n}</source>
        <translation>Open cleanup cases (oldest first): {n}</translation>
    </message>
    <message>
        <source>Chức năng này đang được chuẩn bị.</source>
        <translation type="vanished">This feature is being prepared.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="358"/>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="382"/>
        <source>Đã chỉnh sửa</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="383"/>
        <source>Thông tin đúng sau khi chỉnh sửa:</source>
        <translation>Corrected value:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="200"/>
        <source>In danh sách…</source>
        <translation>Print list…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="203"/>
        <source>Xem trước và in danh sách cần theo dõi của thôn đang lọc.</source>
        <translation>Preview and print the follow-up list of the village in the filter.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="305"/>
        <source>Hãy chọn một thôn/xóm ở ô “Lọc theo” để in danh sách của thôn đó.</source>
        <translation>Choose a village in “Filter by” to print that village&apos;s list.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="317"/>
        <source>Danh sách theo dõi — {v}</source>
        <translation>Follow-up list — {v}</translation>
    </message>
</context>
<context>
    <name>HeadlineCard</name>
    <message>
        <location filename="../../de06desk/ui/screens/dashboard.py" line="90"/>
        <source>Đạt {p} chỉ tiêu ({v}/{t})</source>
        <translation>{p} of the target ({v}/{t})</translation>
    </message>
</context>
<context>
    <name>HubKeyPage</name>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="409"/>
        <source>Tệp khóa công khai của cấp trên</source>
        <translation>The hub’s public-key file</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="412"/>
        <source>Mỗi xã cần tệp này (chép vào USB) để mã hóa gói gửi lên. Khi xã nhập tệp, hai bên đọc vân tay cho nhau qua điện thoại: in phiếu vân tay để đối chiếu.</source>
        <translation>Every commune needs this file (copied to a USB stick) to encrypt the packages it sends up. When a commune loads it, both sides read the fingerprint to each other by phone: print the fingerprint sheet to compare.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="423"/>
        <source>Lưu tệp khóa công khai…</source>
        <translation>Save public-key file…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="426"/>
        <source>In phiếu vân tay…</source>
        <translation>Print fingerprint sheet…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="443"/>
        <source>Vân tay: {fp}</source>
        <translation>Fingerprint: {fp}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="453"/>
        <source>Lưu tệp khóa công khai</source>
        <translation>Save public-key file</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="468"/>
        <source>Đã lưu {p}. Chép tệp này cho mọi xã của đơn vị.</source>
        <translation>Saved {p}. Copy this file to every commune of the unit.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="480"/>
        <source>Phiếu vân tay</source>
        <translation>Fingerprint sheet</translation>
    </message>
</context>
<context>
    <name>HubProfilePanel</name>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="308"/>
        <source>Mã đơn vị cấp trên:</source>
        <translation>Hub unit code:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="309"/>
        <source>Tên đơn vị:</source>
        <translation>Unit name:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="312"/>
        <source>Tỉnh, thành phố:</source>
        <translation>Province, city:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="313"/>
        <source>(không gắn với một tỉnh)</source>
        <translation>(not tied to a province)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="315"/>
        <source>Vân tay khóa đồng bộ:</source>
        <translation>Sync key fingerprint:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="316"/>
        <source>Số xã dự kiến gửi gói:</source>
        <translation>Communes expected to send packages:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="325"/>
        <source>Mã và tên đơn vị cấp trên được đặt khi tạo cơ sở dữ liệu; chúng nằm trong tệp khóa đã phát cho các xã nên không sửa ở đây.</source>
        <translation>The hub’s code and name are set when the database is created; they are in the key file handed to the communes, so they are not edited here.</translation>
    </message>
</context>
<context>
    <name>HubUnitPage</name>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="360"/>
        <source>Đơn vị cấp trên</source>
        <translation>The hub’s unit</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="363"/>
        <source>Chọn tỉnh, thành phố theo danh mục từ 01/07/2025: các xã, phường của tỉnh sẽ hiện trong màn hình “Các xã”. Cấp trên khác (ví dụ cấp huyện nơi còn giữ) tự đặt mã và tên.</source>
        <translation>Choose the province or city from the list in force since 01/07/2025: its communes and wards will be listed on the “Communes” screen. Another upper level (a district where one is kept, say) sets its own code and name.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="372"/>
        <source>Cấp trên khác (tự đặt mã)</source>
        <translation>Another upper level (own code)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="379"/>
        <source>Tỉnh, thành phố</source>
        <translation>Province, city</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="380"/>
        <source>Mã đơn vị (chữ, số)</source>
        <translation>Unit code (letters, digits)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="381"/>
        <source>Tên đơn vị in trên báo cáo</source>
        <translation>Unit name printed on reports</translation>
    </message>
    <message>
        <source>Công an {p}</source>
        <translation type="vanished">Công an {p}</translation>
    </message>
</context>
<context>
    <name>HubWords</name>
    <message>
        <location filename="../../de06desk/ui/screens/hub/common.py" line="77"/>
        <source>Chưa đăng ký khóa</source>
        <translation>No key registered</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/common.py" line="79"/>
        <source>Chưa gửi gói nào</source>
        <translation>Never sent a package</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/common.py" line="81"/>
        <source>Đã gửi tuần này</source>
        <translation>Sent this week</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/common.py" line="83"/>
        <source>Chưa gửi tuần này</source>
        <translation>Not sent this week</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/common.py" line="84"/>
        <source>Im lặng {n} tuần</source>
        <translation>Silent for {n} weeks</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/common.py" line="98"/>
        <source>CẢNH BÁO: nhật ký bị viết lại</source>
        <translation>WARNING: audit log rewritten</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/common.py" line="100"/>
        <source>Khớp</source>
        <translation>Consistent</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/common.py" line="114"/>
        <source>Phiếu vân tay khóa đồng bộ</source>
        <translation>Sync key fingerprint sheet</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/common.py" line="115"/>
        <source>Vân tay cấp trên: {fp}</source>
        <translation>Hub fingerprint: {fp}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/common.py" line="117"/>
        <source>Khi nhận tệp khóa, hai bên đọc vân tay cho nhau qua điện thoại và so với phiếu này.</source>
        <translation>When a key file changes hands, both sides read the fingerprint to each other by phone and compare it with this sheet.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/common.py" line="119"/>
        <source>Mã xã</source>
        <translation>Commune code</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/common.py" line="119"/>
        <source>Tên xã, phường</source>
        <translation>Commune, ward</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/common.py" line="119"/>
        <source>Vân tay đã đăng ký</source>
        <translation>Registered fingerprint</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/common.py" line="121"/>
        <source>In ngày {d}</source>
        <translation>Printed on {d}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/common.py" line="133"/>
        <source>Đơn vị: {c} {n}
Vân tay: {fp}</source>
        <translation>Unit: {c} {n}
Fingerprint: {fp}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/common.py" line="139"/>
        <source>CẢNH BÁO: xã này đã có khóa khác. Khóa mới sẽ THAY khóa cũ.
Vân tay cũ: {old}
Vân tay mới: {new}
Chỉ thay khi đã gọi điện cho xã và xã đọc đúng vân tay mới.</source>
        <translation>WARNING: this commune already has another key. The new key will REPLACE the old one.
Old fingerprint: {old}
New fingerprint: {new}
Replace it only after calling the commune and hearing it read the new fingerprint.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/common.py" line="145"/>
        <source>CẢNH BÁO: {c} không thuộc {p}.</source>
        <translation>WARNING: {c} is not in {p}.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/common.py" line="136"/>
        <source>Đây là khóa của một đơn vị tổng hợp cấp dưới (ví dụ một huyện): đơn vị này sẽ nhận gói số liệu tổng hợp của đơn vị đó.</source>
        <translation>This is the key of a hub below this one (a district, say): this unit will receive its summary packages.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/common.py" line="148"/>
        <source>Vân tay có khớp với xã đọc cho bạn qua điện thoại không?</source>
        <translation>Does the fingerprint match what the commune read to you by phone?</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../de06desk/ui/idle_lock.py" line="91"/>
        <source>Màn hình đã khóa do không sử dụng. Hãy đăng nhập lại.</source>
        <translation>The screen was locked after a period of inactivity. Log in again.</translation>
    </message>
</context>
<context>
    <name>KeyBox</name>
    <message>
        <location filename="../../de06desk/ui/key_box.py" line="57"/>
        <source>Lưu tệp khóa công khai…</source>
        <translation>Save public-key file…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/key_box.py" line="64"/>
        <source>Nhập khóa cấp trên…</source>
        <translation>Import upper-level key…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/key_box.py" line="85"/>
        <source>Vân tay của {n}: {fp}</source>
        <translation>Fingerprint of {n}: {fp}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/key_box.py" line="87"/>
        <source>Chưa tạo khóa (sẽ tạo khi lưu tệp khóa hoặc gửi gói đầu tiên).</source>
        <translation>No key yet (it is created when you save the key file or send the first package).</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/key_box.py" line="95"/>
        <source>Cấp trên: {c} {n} — vân tay {fp}</source>
        <translation>Upper level: {c} {n} — fingerprint {fp}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/key_box.py" line="100"/>
        <source>Chưa đặt cấp trên nhận số liệu: hãy nhập tệp khóa công khai của cấp trên.</source>
        <translation>No upper level set to receive the figures: import the upper level’s public-key file.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/key_box.py" line="102"/>
        <source>Chưa có khóa cấp trên: hãy nhập tệp khóa cấp trên gửi xuống.</source>
        <translation>No upper-level key yet: import the key file the upper level sent you.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/key_box.py" line="110"/>
        <source>Lưu tệp khóa công khai</source>
        <translation>Save public-key file</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/key_box.py" line="122"/>
        <source>Đưa tệp này cho cấp trên và đọc vân tay cho cấp trên đối chiếu qua điện thoại.</source>
        <translation>Hand this file to the upper level and read it the fingerprint by phone.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/key_box.py" line="125"/>
        <source>Phát tệp này cho các xã và đọc vân tay cho xã đối chiếu qua điện thoại.</source>
        <translation>Hand this file to the communes and read them the fingerprint by phone.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/key_box.py" line="129"/>
        <source>Đã lưu</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/key_box.py" line="130"/>
        <source>Đã lưu {p}.
Vân tay: {fp}</source>
        <translation>Saved {p}.
Fingerprint: {fp}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/key_box.py" line="140"/>
        <source>Chọn tệp khóa công khai của cấp trên</source>
        <translation>Choose the upper level’s public-key file</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/key_box.py" line="154"/>
        <source>Đơn vị: {c} {n}
Vân tay: {fp}</source>
        <translation>Unit: {c} {n}
Fingerprint: {fp}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/key_box.py" line="159"/>
        <source>CẢNH BÁO: khóa cấp trên mới sẽ THAY khóa cũ.
Vân tay cũ: {old}
Vân tay mới: {new}</source>
        <translation>WARNING: the new upper-level key will REPLACE the old one.
Old fingerprint: {old}
New fingerprint: {new}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/key_box.py" line="162"/>
        <source>Vân tay có khớp với bên kia đọc cho bạn không?</source>
        <translation>Does the fingerprint match the one the other side read to you?</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/key_box.py" line="166"/>
        <source>Xác nhận khóa</source>
        <translation>Confirm key</translation>
    </message>
</context>
<context>
    <name>LanguagePanel</name>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="280"/>
        <source>Áp dụng</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="284"/>
        <source>Ngôn ngữ giao diện:</source>
        <translation>Interface language:</translation>
    </message>
</context>
<context>
    <name>LineEditor</name>
    <message>
        <location filename="../../de06desk/ui/editors.py" line="99"/>
        <source>12 chữ số, ví dụ 001084012345</source>
        <translation>12 digits, e.g. 001084012345</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/editors.py" line="103"/>
        <source>ví dụ 0912 345 678</source>
        <translation>e.g. 0912 345 678</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/editors.py" line="132"/>
        <source>Số chuẩn hóa: {n}</source>
        <translation>Normalised: {n}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../de06desk/ui/login.py" line="43"/>
        <source>Đăng nhập — de06desk</source>
        <translation>Log in — de06desk</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/login.py" line="56"/>
        <source>Đăng nhập</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/login.py" line="57"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/login.py" line="68"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/login.py" line="69"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="54"/>
        <location filename="../../de06desk/ui/main_window.py" line="238"/>
        <source>de06desk {v} — Đề án 06</source>
        <translation>de06desk {v} — Project 06</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="117"/>
        <location filename="../../de06desk/ui/main_window.py" line="126"/>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="118"/>
        <source>Các xã</source>
        <translation>Communes</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="119"/>
        <source>Nhận gói</source>
        <translation>Receive packages</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="120"/>
        <source>Gửi xuống</source>
        <translation>Send down</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="127"/>
        <source>Gửi lên</source>
        <translation>Send up</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="121"/>
        <source>Nhắc việc</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="127"/>
        <source>Đợt kích hoạt</source>
        <translation>Activation drives</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="128"/>
        <source>Công dân &amp; theo dõi</source>
        <translation>Citizens &amp; follow-up</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="129"/>
        <source>Làm sạch dữ liệu</source>
        <translation>Data cleanup</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="130"/>
        <source>Hỗ trợ người dân</source>
        <translation>Citizen support</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="122"/>
        <location filename="../../de06desk/ui/main_window.py" line="131"/>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="132"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="123"/>
        <location filename="../../de06desk/ui/main_window.py" line="133"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="223"/>
        <source>Người dùng: {u}</source>
        <translation>User: {u}</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="45"/>
        <source>Thêm người dùng</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="50"/>
        <source>Cán bộ (nhập và sửa dữ liệu)</source>
        <translation>Officer (enters and edits data)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="51"/>
        <source>Chỉ xem và in báo cáo</source>
        <translation>View and print reports only</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="52"/>
        <source>Quản trị</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="67"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="68"/>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="69"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="70"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="71"/>
        <source>Nhập lại mật khẩu</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="77"/>
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="80"/>
        <source>Hãy nhập tên đăng nhập.</source>
        <translation>Enter a user name.</translation>
    </message>
</context>
<context>
    <name>OfficersPage</name>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="303"/>
        <source>Cán bộ</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="305"/>
        <source>Cán bộ phụ trách và thành viên tổ công nghệ số; có thể bổ sung sau.</source>
        <translation>Officers in charge and digital team members; you can add more later.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="309"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="309"/>
        <source>Chức vụ</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="311"/>
        <source>Thêm dòng</source>
        <translation>Add row</translation>
    </message>
</context>
<context>
    <name>PlaceholderScreen</name>
    <message>
        <source>{title}

Chức năng này đang được chuẩn bị.</source>
        <translation type="vanished">{title}

This feature is being prepared.</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="201"/>
        <source>Tên đơn vị trên báo cáo</source>
        <translation>Unit name on reports</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="202"/>
        <source>Đã điền sẵn theo tên chính thức; sửa lại nếu cần.</source>
        <translation>Pre-filled from the official names; correct them if needed.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="206"/>
        <source>Tên đơn vị in trên báo cáo</source>
        <translation>Unit name printed on reports</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="207"/>
        <source>Cơ quan chủ quản</source>
        <translation>Parent body</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="208"/>
        <source>Địa danh ghi ngày tháng</source>
        <translation>Place name on the date line</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="209"/>
        <source>Chức danh người ký</source>
        <translation>Signer&apos;s title</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="210"/>
        <source>Họ tên người ký</source>
        <translation>Signer&apos;s name</translation>
    </message>
</context>
<context>
    <name>QualityScreen</name>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="139"/>
        <source>Kiểm tra lại</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="142"/>
        <source>Mọi tiêu chí</source>
        <translation>All criteria</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="146"/>
        <source>Mọi loại kiểm tra</source>
        <translation>All checks</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="167"/>
        <source>Mở hồ sơ làm sạch</source>
        <translation>Open cleanup case</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="169"/>
        <source>Tạo hồ sơ làm sạch dữ liệu đã điền sẵn theo vấn đề đang chọn.</source>
        <translation>Create a cleanup case pre-filled from the selected problem.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="172"/>
        <source>Chưa kiểm tra.</source>
        <translation>Not checked yet.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="177"/>
        <source>Lọc:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="212"/>
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="223"/>
        <source>Kiểm tra dữ liệu</source>
        <translation>Data check</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="240"/>
        <source>Kiểm tra không xong.</source>
        <translation>The check did not finish.</translation>
    </message>
    <message>
        <source>Không phát hiện vấn đề nào.</source>
        <translation type="vanished">No problems found.</translation>
    </message>
    <message>
        <source>Phát hiện {total} vấn đề; đang hiện {shown}.</source>
        <translation type="vanished">{total} problems found; showing {shown}.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="295"/>
        <source>Đã mở hồ sơ làm sạch cho {name}.</source>
        <translation>Cleanup case opened for {name}.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="251"/>
        <source>Kiểm tra đến ngày {d}: không phát hiện vấn đề nào.</source>
        <translation>Checked as of {d}: no problems found.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="258"/>
        <source>Kiểm tra đến ngày {d}: phát hiện {total} vấn đề; đang hiện {shown}.</source>
        <translation>Checked as of {d}: {total} problems found; {shown} shown.</translation>
    </message>
</context>
<context>
    <name>ReceiveScreen</name>
    <message>
        <location filename="../../de06desk/ui/screens/hub/receive.py" line="41"/>
        <source>Cắm USB của xã, chọn thư mục chứa các tệp .de06sync. Mỗi gói được kiểm tra chữ ký và nhập trọn vẹn hoặc không nhập gì; gói đã nhận rồi được bỏ qua.</source>
        <translation>Plug in the commune’s USB stick and choose the folder holding the .de06sync files. Each package’s signature is checked and it is imported whole or not at all; packages already received are skipped.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/receive.py" line="49"/>
        <source>Nhập thư mục gói…</source>
        <translation>Import a folder of packages…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/receive.py" line="52"/>
        <source>Nhập tệp gói…</source>
        <translation>Import package files…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/receive.py" line="66"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/receive.py" line="66"/>
        <source>Xã</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/receive.py" line="66"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/receive.py" line="66"/>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/receive.py" line="73"/>
        <source>Chọn thư mục chứa gói</source>
        <translation>Choose the folder holding the packages</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/receive.py" line="80"/>
        <source>Chọn gói đồng bộ</source>
        <translation>Choose sync packages</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/receive.py" line="91"/>
        <source>Không có gói nào trong thư mục này ({p}).</source>
        <translation>There are no packages in this folder ({p}).</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/receive.py" line="109"/>
        <source>Cảnh báo</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/receive.py" line="116"/>
        <source>Đang nhập {n} gói…</source>
        <translation>Importing {n} packages…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/receive.py" line="117"/>
        <source>Đang nhập gói…</source>
        <translation>Importing packages…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/receive.py" line="124"/>
        <source>Đã nhập</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/receive.py" line="125"/>
        <source>Đã có, bỏ qua</source>
        <translation>Already here, skipped</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/receive.py" line="126"/>
        <source>Từ chối</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/receive.py" line="127"/>
        <source>Đã hủy</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/receive.py" line="143"/>
        <source>{a} gói đã nhập, {b} đã có, {c} bị từ chối, {d} đã hủy.</source>
        <translation>{a} packages imported, {b} already here, {c} refused, {d} cancelled.</translation>
    </message>
</context>
<context>
    <name>RecordComboEditor</name>
    <message>
        <location filename="../../de06desk/ui/editors.py" line="349"/>
        <source>— Chọn —</source>
        <translation>— Choose —</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../de06desk/ui/record_form.py" line="172"/>
        <source>Lưu (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_form.py" line="177"/>
        <source>Hủy thay đổi</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_form.py" line="225"/>
        <source>Sửa: {form}</source>
        <translation>Edit: {form}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_form.py" line="227"/>
        <source>Thêm mới: {form}</source>
        <translation>New: {form}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_form.py" line="226"/>
        <source>Xem: {form}</source>
        <translation>View: {form}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_form.py" line="304"/>
        <source>Ô này chứa nhiều ô của bảng tính (ký tự Tab). Hãy dán bằng Ctrl+V để tách vào từng ô, hoặc xóa phần thừa.</source>
        <translation>This box holds several spreadsheet cells (Tab characters). Paste with Ctrl+V to split them into the boxes, or delete the extra text.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_form.py" line="342"/>
        <source>Cần sửa hoặc điền: {fields}</source>
        <translation>To fix or fill in: {fields}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_form.py" line="386"/>
        <source>Đã lưu lúc {t}.</source>
        <translation>Saved at {t}.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_form.py" line="393"/>
        <source>Đã lưu “{name}” lúc {t}.</source>
        <translation>Saved “{name}” at {t}.</translation>
    </message>
</context>
<context>
    <name>RecordListPanel</name>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="103"/>
        <source>Tìm kiếm (Ctrl+F) — gõ không dấu cũng được</source>
        <translation>Search (Ctrl+F) — diacritics optional</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="116"/>
        <source>Mọi thời gian</source>
        <translation>Any time</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="121"/>
        <source>Tuần này — {w}</source>
        <translation>This week — {w}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="131"/>
        <source>{f}: tất cả</source>
        <translation>{f}: all</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="263"/>
        <source>Đang đếm… (hơn {n} bản ghi)</source>
        <translation>Counting… (more than {n} records)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="278"/>
        <source>Hơn {n} bản ghi</source>
        <translation>More than {n} records</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="284"/>
        <source>{n} bản ghi</source>
        <translation>{n} records</translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <location filename="../../de06desk/ui/editors.py" line="379"/>
        <source>Chọn: {form}</source>
        <translation>Choose: {form}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/editors.py" line="382"/>
        <source>Gõ tên hoặc số định danh (không cần dấu)…</source>
        <translation>Type a name or ID number (diacritics optional)…</translation>
    </message>
</context>
<context>
    <name>RecordScreen</name>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="324"/>
        <source>Thêm mới (Ctrl+N)</source>
        <translation>New (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="327"/>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="330"/>
        <source>Đã xóa…</source>
        <translation>Deleted…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="332"/>
        <source>Xem các bản ghi đã xóa và khôi phục</source>
        <translation>See the deleted records and restore them</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="340"/>
        <source>Xuất Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="343"/>
        <source>Ghi danh sách đang xem (các cột và bộ lọc hiện tại) ra tệp Excel</source>
        <translation>Write the list shown (current columns and filters) to an Excel file</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="432"/>
        <source>Xóa bản ghi</source>
        <translation>Delete record</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="433"/>
        <source>Xóa “{name}”? Có thể khôi phục lại trong “Đã xóa…”.</source>
        <translation>Delete “{name}”? It can be restored from “Deleted…”.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="447"/>
        <source>Đã xóa “{name}”. Khôi phục trong “Đã xóa…” nếu cần.</source>
        <translation>Deleted “{name}”. Restore it from “Deleted…” if needed.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="456"/>
        <source>Xuất danh sách ra Excel</source>
        <translation>Export the list to Excel</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="456"/>
        <source>Tệp Excel (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="468"/>
        <source>tìm “{s}”</source>
        <translation>search “{s}”</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="469"/>
        <source>Xuất lúc {t}</source>
        <translation>Exported at {t}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="471"/>
        <source>lọc: {f}</source>
        <translation>filters: {f}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="491"/>
        <source>Đã xuất {n} dòng ra {file}.</source>
        <translation>Exported {n} rows to {file}.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="496"/>
        <source>Đang xuất Excel…</source>
        <translation>Exporting to Excel…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="506"/>
        <source>Đã khôi phục bản ghi.</source>
        <translation>Record restored.</translation>
    </message>
    <message>
        <source>Xóa “{name}”? Thao tác này không hoàn tác được.</source>
        <translation type="vanished">Delete “{name}”? This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="539"/>
        <source>Mã khôi phục</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="542"/>
        <source>Dữ liệu được mã hóa. Nếu quên mọi mật khẩu quản trị, chỉ mã này mở lại được dữ liệu. Hãy in hoặc chép lại, cất nơi an toàn, tách khỏi máy tính. Mã chỉ hiện một lần.</source>
        <translation>The data is encrypted. If every administrator password is forgotten, only this code opens the data again. Print it or write it down and keep it somewhere safe, away from the computer. It is shown only once.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="554"/>
        <source>Sao chép</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="556"/>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="558"/>
        <source>Tôi đã in hoặc chép lại mã khôi phục</source>
        <translation>I have printed or written down the recovery code</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="588"/>
        <source>de06desk — mã khôi phục của cơ sở dữ liệu {f}

{c}

Cất giữ nơi an toàn.</source>
        <translation>de06desk — recovery code of database {f}

{c}

Keep it somewhere safe.</translation>
    </message>
</context>
<context>
    <name>ReferenceEditor</name>
    <message>
        <location filename="../../de06desk/ui/editors.py" line="420"/>
        <source>(chưa chọn)</source>
        <translation>(none chosen)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/editors.py" line="422"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/editors.py" line="424"/>
        <source>Bỏ chọn</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>RemindersScreen</name>
    <message>
        <location filename="../../de06desk/ui/screens/hub/reminders.py" line="51"/>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/reminders.py" line="54"/>
        <source>Xuất Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/reminders.py" line="76"/>
        <source>Mã xã</source>
        <translation>Commune code</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/reminders.py" line="77"/>
        <source>Tên xã, phường</source>
        <translation>Commune, ward</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/reminders.py" line="78"/>
        <source>Tình trạng gửi</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/reminders.py" line="79"/>
        <source>Gói còn thiếu</source>
        <translation>Missing packages</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/reminders.py" line="80"/>
        <source>Lũy kế / chỉ tiêu</source>
        <translation>Cumulative / target</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/reminders.py" line="86"/>
        <source>Chưa gửi gói tuần này: {n} xã</source>
        <translation>No package this week: {n} communes</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/reminders.py" line="89"/>
        <source>Còn thiếu gói (số gói bị hụt): {n} xã</source>
        <translation>Packages missing (gaps in the numbers): {n} communes</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/reminders.py" line="92"/>
        <source>Chậm so với tiến độ chỉ tiêu: {n} xã</source>
        <translation>Behind the pace of their target: {n} communes</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/reminders.py" line="108"/>
        <source>Nhắc việc — đang tính…</source>
        <translation>Reminders — computing…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/reminders.py" line="141"/>
        <source>Nhắc việc — {w}</source>
        <translation>Reminders — {w}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/reminders.py" line="143"/>
        <source>Nhắc việc — {w}: không có xã nào cần nhắc.</source>
        <translation>Reminders — {w}: no commune needs a reminder.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/reminders.py" line="164"/>
        <location filename="../../de06desk/ui/screens/hub/reminders.py" line="209"/>
        <source>Danh sách xã cần nhắc — {w}</source>
        <translation>Communes to remind — {w}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/reminders.py" line="182"/>
        <source>Nhắc việc</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/reminders.py" line="187"/>
        <source>Lưu danh sách</source>
        <translation>Save the list</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/reminders.py" line="210"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="115"/>
        <source>Kỳ báo cáo</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="118"/>
        <source>Tuần</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="119"/>
        <source>Tháng</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="120"/>
        <source>Từ ngày – đến ngày</source>
        <translation>From – to</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="123"/>
        <source>Kỳ trước</source>
        <translation>Previous period</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="127"/>
        <source>Chọn một ngày bất kỳ trong tuần hoặc tháng cần báo cáo</source>
        <translation>Pick any day in the week or month to report on</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="129"/>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="134"/>
        <source>Kỳ sau</source>
        <translation>Next period</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="141"/>
        <source>Toàn địa bàn</source>
        <translation>Whole area</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="145"/>
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="164"/>
        <source>Xem số liệu</source>
        <translation>Show figures</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="166"/>
        <source>Xuất PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="168"/>
        <source>Xuất Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="176"/>
        <source>Mở tệp</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="177"/>
        <source>Mở tệp vừa ghi bằng chương trình của máy (để in)</source>
        <translation>Open the file just written in the system&apos;s viewer (to print)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="326"/>
        <source>Đã ghi {p}.</source>
        <translation>Saved {p}.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="109"/>
        <source>Dữ liệu đã thay đổi sau lần xem này; bấm “Xem số liệu” để cập nhật.</source>
        <translation>The data changed after these figures were made; press “Show figures” to update them.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="336"/>
        <source>Đang tổng hợp số liệu</source>
        <translation>Compiling the figures</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="340"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="344"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="355"/>
        <source>Lưu báo cáo</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="362"/>
        <source>Đang xuất báo cáo</source>
        <translation>Exporting the report</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="413"/>
        <source>Không có số liệu trong kỳ.</source>
        <translation>No figures for this period.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="433"/>
        <source>Chỉ số chính</source>
        <translation>Key figures</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="443"/>
        <source>chỉ tiêu: {v}</source>
        <translation>target: {v}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="404"/>
        <source>Số liệu tính đến hết ngày {d}</source>
        <translation>Figures counted to the end of {d}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="424"/>
        <source>Bảng {n}. {title}</source>
        <translation>Table {n}. {title}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="170"/>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="173"/>
        <source>Xem trước và in đúng các trang của báo cáo PDF (chọn máy in trong hộp thoại)</source>
        <translation>Preview and print exactly the pages of the PDF report (choose the printer in the dialog)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="373"/>
        <source>Đang chuẩn bị bản in</source>
        <translation>Preparing the printout</translation>
    </message>
</context>
<context>
    <name>RosterPanel</name>
    <message>
        <location filename="../../de06desk/ui/roster.py" line="87"/>
        <source>Số định danh của công dân (12 chữ số)</source>
        <translation>Citizen&apos;s ID number (12 digits)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/roster.py" line="89"/>
        <source>Thêm công dân</source>
        <translation>Add citizen</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/roster.py" line="118"/>
        <source>Hãy lưu đợt kích hoạt trước khi thêm công dân.</source>
        <translation>Save the drive before adding citizens.</translation>
    </message>
    <message>
        <source>{name} đã có trong danh sách của đợt này.</source>
        <translation type="vanished">{name} is already on this drive’s roster.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/roster.py" line="163"/>
        <source>Đã thêm {name}.</source>
        <translation>{name} added.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/roster.py" line="180"/>
        <source>Công dân mới — chưa có trong danh sách</source>
        <translation>New citizen — not yet on the list</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/roster.py" line="199"/>
        <source>Xóa khỏi danh sách</source>
        <translation>Remove from roster</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/roster.py" line="200"/>
        <source>Xóa công dân này khỏi danh sách của đợt?</source>
        <translation>Remove this citizen from the drive’s roster?</translation>
    </message>
</context>
<context>
    <name>SendDownScreen</name>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="122"/>
        <source>Chỉ tiêu của các xã</source>
        <translation>The communes’ targets</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="126"/>
        <source>Thêm chỉ tiêu…</source>
        <translation>Add a target…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="129"/>
        <source>Nhập chỉ tiêu từ Excel…</source>
        <translation>Import targets from Excel…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="132"/>
        <source>Các cột: Mã xã, Loại chỉ tiêu (có thể bỏ trống), Chỉ tiêu, Từ ngày, Hạn</source>
        <translation>Columns: Mã xã, Loại chỉ tiêu (may be left out), Chỉ tiêu, Từ ngày, Hạn</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="138"/>
        <source>Sửa số chỉ tiêu ngay trong bảng (bấm đúp vào ô).</source>
        <translation>Edit a target’s number in the table (double-click the cell).</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="145"/>
        <source>Mã xã</source>
        <translation>Commune code</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="146"/>
        <source>Tên xã, phường</source>
        <translation>Commune, ward</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="147"/>
        <source>Loại chỉ tiêu</source>
        <translation>Target kind</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="148"/>
        <source>Chỉ tiêu</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="149"/>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="150"/>
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="164"/>
        <source>Gói gửi xuống xã</source>
        <translation>Packages down to the communes</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="170"/>
        <source>Mỗi gói gửi xuống gồm: xác nhận các gói đã nhận của xã, chỉ tiêu mới hoặc đã sửa từ lần gửi trước, và bộ biểu mẫu đã phát hành gần nhất (nếu có).</source>
        <translation>Each package down holds: acknowledgements of the commune’s packages received, targets new or changed since the last one, and the form set published last (if any).</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="170"/>
        <source>Phát hành biểu mẫu…</source>
        <translation>Publish forms…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="170"/>
        <source>Chọn thư mục chứa toàn bộ các tệp biểu mẫu (*.toml); chỉ được thêm trường không bắt buộc hoặc thêm lựa chọn.</source>
        <translation>Choose the folder holding every form file (*.toml); only new optional fields or new choices may be added.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="170"/>
        <source>Bộ biểu mẫu đã phát hành: số {n}, {d}.</source>
        <translation>Form set published: number {n}, {d}.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="170"/>
        <source>Chưa phát hành bộ biểu mẫu nào: các xã dùng biểu mẫu của phần mềm.</source>
        <translation>No form set published yet: the communes use the program’s forms.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="170"/>
        <source>Chọn thư mục bộ biểu mẫu</source>
        <translation>Choose the form set folder</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="170"/>
        <source>Đã phát hành biểu mẫu</source>
        <translation>Forms published</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="170"/>
        <source>{what} Gói gửi xuống xã tiếp theo sẽ mang bộ biểu mẫu này; máy này dùng biểu mẫu mới từ lần mở sau.</source>
        <translation>{what} The next package down to each commune carries this set; this computer uses the new forms from its next start.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="178"/>
        <source>Xã nhận:</source>
        <translation>To commune:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="182"/>
        <source>Ghi gói cho xã này…</source>
        <translation>Write a package for this commune…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="185"/>
        <source>Ghi gói cho mọi xã…</source>
        <translation>Write packages for every commune…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="282"/>
        <source>Chọn tệp chỉ tiêu</source>
        <translation>Choose the targets file</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="296"/>
        <source>Đã nhập chỉ tiêu</source>
        <translation>Targets imported</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="297"/>
        <source>Đã lưu {n} chỉ tiêu; gửi xuống xã bằng gói gửi xuống.</source>
        <translation>Saved {n} targets; send them to the communes with a package down.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="307"/>
        <source>Chọn thư mục ghi gói</source>
        <translation>Choose the folder to write packages to</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="346"/>
        <source>Đã ghi {n} gói vào {p}: {f}</source>
        <translation>Wrote {n} packages to {p}: {f}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="357"/>
        <source>Đang ghi gói gửi xuống…</source>
        <translation>Writing packages down…</translation>
    </message>
</context>
<context>
    <name>SendUpScreen</name>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_up.py" line="41"/>
        <source>Cấp trên nhận số liệu</source>
        <translation>Upper level receiving the figures</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_up.py" line="49"/>
        <source>Gói số liệu gửi lên</source>
        <translation>Figures package for the upper level</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_up.py" line="54"/>
        <source>Gói chỉ gồm số liệu từng tuần của mỗi xã, phường (tiếp nhận, phê duyệt, kích hoạt, làm sạch dữ liệu, chỉ tiêu…), không có họ tên, số định danh hay số điện thoại của người dân. Chỉ cấp trên đã đặt ở trên mở được gói.</source>
        <translation>The package holds only each commune’s or ward’s weekly figures (received, approved, activated, data cleanup, targets…): no citizen’s name, ID number or phone number. Only the upper level set above can open it.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_up.py" line="63"/>
        <source>Ghi gói số liệu…</source>
        <translation>Write figures package…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_up.py" line="84"/>
        <source>Tài khoản này không được ghi gói số liệu gửi lên.</source>
        <translation>This account may not write the figures package for the upper level.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_up.py" line="86"/>
        <source>Chưa đặt cấp trên: hãy nhập tệp khóa cấp trên trước.</source>
        <translation>No upper level yet: import the upper level’s key file first.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_up.py" line="88"/>
        <source>Chọn thư mục (USB) để ghi gói cho cấp trên</source>
        <translation>Choose a folder (USB stick) to write the package for the upper level</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_up.py" line="95"/>
        <source>Chọn thư mục ghi gói</source>
        <translation>Choose the folder to write packages to</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_up.py" line="115"/>
        <source>Đã ghi và kiểm tra lại {f} trong {p}: số liệu {w} tuần ({a} – {b}) của {n} xã, phường, gửi {r}.</source>
        <translation>Wrote and checked {f} in {p}: {w} weeks’ figures ({a} – {b}) of {n} communes and wards, for {r}.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_up.py" line="133"/>
        <source>Đang ghi gói số liệu gửi lên…</source>
        <translation>Writing the figures package for the upper level…</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="368"/>
        <source>Cố định từ khi tạo cơ sở dữ liệu (mã đơn vị {c}); không sửa được.</source>
        <translation>Fixed when the database was created (unit code {c}); it cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="345"/>
        <location filename="../../de06desk/ui/screens/settings.py" line="384"/>
        <source>Thông tin đơn vị</source>
        <translation>Unit profile</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="385"/>
        <source>Thôn/Xóm</source>
        <translation>Villages</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="386"/>
        <source>Cán bộ</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="387"/>
        <source>Chỉ tiêu</source>
        <translation>Targets</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="350"/>
        <source>Người dùng</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="351"/>
        <source>Nhật ký hoạt động</source>
        <translation>Activity log</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="353"/>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="617"/>
        <source>Thiết lập de06desk</source>
        <translation>de06desk set-up</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="598"/>
        <source>Dữ liệu mẫu: đăng nhập bằng tài khoản “{u}”, mật khẩu “{p}”.</source>
        <translation>Demo data: log in as “{u}” with password “{p}”.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="727"/>
        <source>Cơ sở dữ liệu đã được tạo. Hãy in hoặc chép lại mã khôi phục, đánh dấu ô “Tôi đã in hoặc chép lại mã khôi phục” rồi bấm Hoàn tất.</source>
        <translation>The database has been created. Print or write down the recovery code, tick “I have printed or written down the recovery code”, then press Finish.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="762"/>
        <source>Đang tạo dữ liệu mẫu…</source>
        <translation>Creating demo data…</translation>
    </message>
</context>
<context>
    <name>SmartPaste</name>
    <message>
        <location filename="../../de06desk/ui/smart_paste.py" line="92"/>
        <source>“{v}” không có trong danh sách.</source>
        <translation>“{v}” is not on the list.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/smart_paste.py" line="98"/>
        <source>Ô này không nhận giá trị dán vào; hãy chọn trong biểu mẫu.</source>
        <translation>This box does not take pasted values; choose in the form.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/smart_paste.py" line="111"/>
        <source>Chỉ dán được một dòng vào biểu mẫu. Để nhập nhiều người, dùng “Nhập danh sách công dân…”.</source>
        <translation>Only one row can be pasted into the form. To enter many people, use “Import citizen list…”.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/smart_paste.py" line="123"/>
        <source>Dòng dán vào có {n} ô nhưng từ ô này chỉ còn {m} ô để điền.</source>
        <translation>The pasted row has {n} cells but only {m} boxes are left to fill from this one.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/smart_paste.py" line="145"/>
        <source>Dán một dòng từ bảng tính</source>
        <translation>Paste a row from a spreadsheet</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/smart_paste.py" line="154"/>
        <source>Ô</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/smart_paste.py" line="155"/>
        <source>Giá trị dán</source>
        <translation>Pasted value</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/smart_paste.py" line="156"/>
        <source>Kiểm tra</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/smart_paste.py" line="165"/>
        <source>đúng</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/smart_paste.py" line="167"/>
        <source>(để trống)</source>
        <translation>(left empty)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/smart_paste.py" line="179"/>
        <source>Các ô sẽ được điền như sau. Kiểm tra rồi bấm “Điền vào biểu mẫu”.</source>
        <translation>The boxes will be filled as below. Check, then press “Fill in the form”.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/smart_paste.py" line="186"/>
        <source>Điền vào biểu mẫu</source>
        <translation>Fill in the form</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/smart_paste.py" line="190"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/smart_paste.py" line="194"/>
        <source>Không dán được: có ô không hợp với trường của nó (xem cột Kiểm tra). Biểu mẫu chưa thay đổi.</source>
        <translation>Cannot paste: some cells do not fit their field (see the Check column). The form has not changed.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/smart_paste.py" line="203"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../de06desk/ui/app.py" line="134"/>
        <source>Cơ sở dữ liệu đã được nâng cấp lên phiên bản mới; bản sao trước khi nâng cấp được giữ tại:
{path}</source>
        <translation>The database was upgraded for this version; a copy from before the upgrade is kept at:
{path}</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="149"/>
        <source>Nhập gói từ cấp trên hoặc máy khác của xã…</source>
        <translation>Import packages from the hub or another device of the commune…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="159"/>
        <source>Máy thứ hai của xã</source>
        <translation>Second devices of the commune</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="162"/>
        <source>Ghi gói cho máy của xã</source>
        <translation>Write a package for the commune&apos;s PC</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="164"/>
        <source>Những gì nhập trên máy này, để máy của xã nhập vào (báo cáo tuần của xã tính cả)</source>
        <translation>What was entered on this device, for the commune&apos;s PC to import (the commune&apos;s weekly report then counts it)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="168"/>
        <source>Ghi gói cho các máy thứ hai</source>
        <translation>Write a package for the second devices</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="169"/>
        <source>Những thay đổi trên máy của xã, để các máy thứ hai nhập vào</source>
        <translation>The changes on the commune&apos;s PC, for the second devices to import</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="99"/>
        <source>Khóa bảo mật</source>
        <translation>Security keys</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="102"/>
        <source>Lưu tệp khóa công khai…</source>
        <translation type="vanished">Save public key file…</translation>
    </message>
    <message>
        <source>Đăng ký khóa của xã…</source>
        <translation type="vanished">Register a commune&apos;s key…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="105"/>
        <source>Nhập khóa cấp trên…</source>
        <translation type="vanished">Import upper-level key…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="113"/>
        <source>Gửi dữ liệu lên cấp trên</source>
        <translation>Send data to the upper level</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="116"/>
        <source>Ghi vào:</source>
        <translation>Write to:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="118"/>
        <source>Gửi toàn bộ</source>
        <translation>Send everything</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="119"/>
        <source>Gửi lại toàn bộ dữ liệu, không chỉ phần thay đổi</source>
        <translation>Send all data again, not only the changes</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="121"/>
        <source>Xuất gói đồng bộ</source>
        <translation>Export sync package</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="129"/>
        <source>Số gói</source>
        <translation>Packages</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="130"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="131"/>
        <source>Số dòng</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="132"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="133"/>
        <source>Cấp trên đã nhận</source>
        <translation>Received by the upper level</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="136"/>
        <source>Các gói đã gửi</source>
        <translation>Packages sent</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="138"/>
        <source>Nhập gói từ cấp trên…</source>
        <translation>Import package from the upper level…</translation>
    </message>
    <message>
        <source>Nhập thư mục gói…</source>
        <translation type="vanished">Import a folder of packages…</translation>
    </message>
    <message>
        <source>Nhập tệp gói…</source>
        <translation type="vanished">Import package file…</translation>
    </message>
    <message>
        <source>Gửi gói xuống xã đã chọn…</source>
        <translation type="vanished">Send a package down to the selected commune…</translation>
    </message>
    <message>
        <source>Kết quả lần nhập gần nhất</source>
        <translation type="vanished">Result of the last import</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation type="vanished">Result</translation>
    </message>
    <message>
        <source>Chi tiết</source>
        <translation type="vanished">Details</translation>
    </message>
    <message>
        <source>Tình hình các xã</source>
        <translation type="vanished">Communes status</translation>
    </message>
    <message>
        <source>Mã xã</source>
        <translation type="vanished">Commune code</translation>
    </message>
    <message>
        <source>Tên đơn vị</source>
        <translation type="vanished">Unit name</translation>
    </message>
    <message>
        <source>Số gói cuối</source>
        <translation type="vanished">Last package number</translation>
    </message>
    <message>
        <source>Ngày gói cuối</source>
        <translation type="vanished">Last package date</translation>
    </message>
    <message>
        <source>Gói còn thiếu</source>
        <translation type="vanished">Missing packages</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation type="vanished">Status</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="161"/>
        <source>Vân tay của đơn vị này: {fp}</source>
        <translation type="vanished">This unit&apos;s fingerprint: {fp}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="163"/>
        <source>Chưa tạo khóa (sẽ tạo khi lưu tệp khóa hoặc gửi gói đầu tiên).</source>
        <translation type="vanished">No key yet (it is created when you save the key file or send the first package).</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="167"/>
        <source>Cấp trên: {c} {n} — vân tay {fp}</source>
        <translation type="vanished">Upper level: {c} {n} — fingerprint {fp}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="171"/>
        <source>Chưa có khóa cấp trên: hãy nhập tệp khóa cấp trên gửi xuống.</source>
        <translation type="vanished">No upper-level key yet: import the key file the upper level sent you.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="181"/>
        <source>Ổ USB/ổ rời: {v}</source>
        <translation>USB/removable drive: {v}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="182"/>
        <source>Chọn thư mục…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="191"/>
        <source>Đã nhận ({d})</source>
        <translation>Received ({d})</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="193"/>
        <source>Đã gửi, chưa xác nhận</source>
        <translation>Sent, not yet acknowledged</translation>
    </message>
    <message>
        <source>Chưa gửi gói nào</source>
        <translation type="vanished">No package sent yet</translation>
    </message>
    <message>
        <source>Im lặng {n} ngày</source>
        <translation type="vanished">Silent for {n} days</translation>
    </message>
    <message>
        <source>Bình thường</source>
        <translation type="vanished">Normal</translation>
    </message>
    <message>
        <source>CẢNH BÁO: nhật ký hoạt động bị viết lại</source>
        <translation type="vanished">WARNING: the activity log was rewritten</translation>
    </message>
    <message>
        <source>Đã nhập</source>
        <translation type="vanished">Imported</translation>
    </message>
    <message>
        <source>Đã có, bỏ qua</source>
        <translation type="vanished">Already imported, skipped</translation>
    </message>
    <message>
        <source>Từ chối</source>
        <translation type="vanished">Refused</translation>
    </message>
    <message>
        <source>Đã hủy</source>
        <translation type="vanished">Cancelled</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="206"/>
        <source>Lưu tệp khóa công khai</source>
        <translation type="vanished">Save public key file</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="218"/>
        <source>Đã lưu</source>
        <translation type="vanished">Saved</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="220"/>
        <source>Đã lưu {p}.
Vân tay: {fp}
Hãy đọc vân tay này cho bên kia đối chiếu.</source>
        <translation type="vanished">Saved {p}.
Fingerprint: {fp}
Read this fingerprint to the other side to compare.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="227"/>
        <source>Chọn tệp khóa công khai</source>
        <translation type="vanished">Choose a public key file</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="254"/>
        <source>Xác nhận khóa</source>
        <translation type="vanished">Confirm key</translation>
    </message>
    <message>
        <source>Đơn vị: {c} {n}
Vân tay: {fp}

Vân tay có khớp với bên kia đọc cho bạn không?</source>
        <translation type="vanished">Unit: {c} {n}
Fingerprint: {fp}

Does the fingerprint match the one the other side read to you?</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="274"/>
        <source>Chọn thư mục ghi gói</source>
        <translation>Choose where to write the package</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="296"/>
        <source>Không có thay đổi</source>
        <translation>No changes</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="297"/>
        <source>Không có gì mới từ lần gửi trước; không ghi gói.</source>
        <translation>Nothing new since the last package; no package written.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="302"/>
        <source>Đã ghi gói</source>
        <translation>Package written</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="303"/>
        <source>Đã ghi và kiểm tra lại {p} ({n} dòng).</source>
        <translation>Wrote and verified {p} ({n} rows).</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="308"/>
        <source>Đang ghi gói đồng bộ…</source>
        <translation>Writing the sync package…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="315"/>
        <source>Chọn gói đồng bộ</source>
        <translation>Choose a sync package</translation>
    </message>
    <message>
        <source>Chọn thư mục chứa gói</source>
        <translation type="vanished">Choose the folder holding the packages</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="335"/>
        <source>Kết quả nhập gói</source>
        <translation>Package import result</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="339"/>
        <source>Đang nhập gói…</source>
        <translation>Importing the package…</translation>
    </message>
    <message>
        <source>Chọn xã</source>
        <translation type="vanished">Choose commune</translation>
    </message>
    <message>
        <source>Hãy chọn một xã trong bảng tình hình.</source>
        <translation type="vanished">Choose a commune in the status table.</translation>
    </message>
    <message>
        <source>Đã ghi {p}.</source>
        <translation type="vanished">Wrote {p}.</translation>
    </message>
    <message>
        <source>Đang ghi gói…</source>
        <translation type="vanished">Writing the package…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="242"/>
        <source>Đơn vị: {c} {n}
Vân tay: {fp}</source>
        <translation type="vanished">Unit: {c} {n}
Fingerprint: {fp}</translation>
    </message>
    <message>
        <source>CẢNH BÁO: xã này đã có khóa khác. Khóa mới sẽ THAY khóa cũ.
Vân tay cũ: {old}
Vân tay mới: {new}</source>
        <translation type="vanished">WARNING: this commune already has another key. The new key will REPLACE the old one.
Old fingerprint: {old}
New fingerprint: {new}</translation>
    </message>
    <message>
        <source>CẢNH BÁO: {c} không thuộc {p}.</source>
        <translation type="vanished">WARNING: {c} is not in {p}.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="247"/>
        <source>CẢNH BÁO: khóa cấp trên mới sẽ THAY khóa cũ.
Vân tay cũ: {old}
Vân tay mới: {new}</source>
        <translation type="vanished">WARNING: the new hub key will REPLACE the old one.
Old fingerprint: {old}
New fingerprint: {new}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="250"/>
        <source>Vân tay có khớp với bên kia đọc cho bạn không?</source>
        <translation type="vanished">Does the fingerprint match the one the other side read to you?</translation>
    </message>
    <message>
        <source>Cảnh báo</source>
        <translation type="vanished">Warning</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="51"/>
        <source>Chỉ tiêu cho xã</source>
        <translation>Target for a commune</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/hub/send_down.py" line="70"/>
        <source>Xã:</source>
        <translation>Commune:</translation>
    </message>
</context>
<context>
    <name>TargetsPage</name>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="333"/>
        <source>Chỉ tiêu</source>
        <translation>Targets</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="334"/>
        <source>Chỉ tiêu cấp trên giao; để 0 nếu chưa có.</source>
        <translation>Targets set by the upper level; leave 0 if none yet.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="338"/>
        <source>Tài khoản định danh mức 2 được kích hoạt</source>
        <translation>Level-2 e-ID accounts activated</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="339"/>
        <source>Hồ sơ làm sạch dữ liệu được xử lý</source>
        <translation>Cleanup cases closed</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="340"/>
        <source>Buổi hỗ trợ người dân</source>
        <translation>Support sessions</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="351"/>
        <source>Hạn hoàn thành</source>
        <translation>Due by</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../de06desk/ui/tasks.py" line="73"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../de06desk/ui/tasks.py" line="167"/>
        <source>Đã xảy ra lỗi không mong muốn; dữ liệu đã lưu không bị ảnh hưởng.
Chi tiết: {e}</source>
        <translation>An unexpected error occurred; data already saved is not affected.
Details: {e}</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="98"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="98"/>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="98"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="104"/>
        <source>Thêm người dùng…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="106"/>
        <source>Đặt lại mật khẩu…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="132"/>
        <location filename="../../de06desk/ui/screens/settings.py" line="245"/>
        <source>Quản trị</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="133"/>
        <source>Cán bộ</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="134"/>
        <source>Chỉ xem</source>
        <translation>Viewer</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="172"/>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="173"/>
        <source>Mật khẩu mới cho {u}:</source>
        <translation>New password for {u}:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="189"/>
        <source>Đã đặt lại mật khẩu.</source>
        <translation>The password has been reset.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="98"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="108"/>
        <source>Khóa / mở lại tài khoản…</source>
        <translation>Disable / re-enable account…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="111"/>
        <source>Đổi vai trò…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="139"/>
        <source>Đang dùng</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="139"/>
        <source>Đã khóa</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="213"/>
        <source>Khóa tài khoản</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="214"/>
        <source>Khóa tài khoản {u}? Người này sẽ không đăng nhập được nữa.</source>
        <translation>Disable account {u}? They will no longer be able to log in.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="234"/>
        <source>Đã khóa tài khoản {u}.</source>
        <translation>Account {u} has been disabled.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="243"/>
        <source>Cán bộ (nhập và sửa dữ liệu)</source>
        <translation>Officer (enters and edits data)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="244"/>
        <source>Chỉ xem và in báo cáo</source>
        <translation>View and print reports only</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="248"/>
        <source>Đổi vai trò</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>Vai trò mới cho {u}:</source>
        <translation type="vanished">New role for {u}:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="264"/>
        <source>Đã đổi vai trò của {u}.</source>
        <translation>The role of {u} has been changed.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="196"/>
        <source>Dữ liệu đã được đổi sang khóa mới: mật khẩu cũ, kể cả cùng một bản sao cũ của tệp khóa, không mở được dữ liệu từ nay. Các bản sao lưu làm trước lúc này vẫn mở được bằng mật khẩu đúng vào lúc sao lưu (và mã khôi phục): hãy giữ chúng cẩn thận, hoặc xóa những bản không cần.</source>
        <translation>The data now has a new key: the old password, even with an old copy of the key file, no longer opens it. Backups made before now still open with the passwords that were valid when they were made (and the recovery code): keep them safe, or delete those you do not need.</translation>
    </message>
</context>
<context>
    <name>VillagesPage</name>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="237"/>
        <source>Thôn/Xóm/Tổ dân phố</source>
        <translation>Villages</translation>
    </message>
    <message>
        <source>Bấm đúp vào tên để sửa cho đúng tên thôn của xã; có thể thêm hoặc bớt.</source>
        <translation type="vanished">Double-click a name to change it to your commune&apos;s village names; add or remove as needed.</translation>
    </message>
    <message>
        <source>Thôn {n}</source>
        <translation type="vanished">Village {n}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="240"/>
        <source>Gõ tên từng thôn rồi nhấn Enter. Bấm đúp vào tên để sửa. Có thể bổ sung sau trong Cài đặt › Thôn/Xóm.</source>
        <translation>Type each village’s name and press Enter. Double-click a name to change it. More can be added later in Settings › Villages.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="246"/>
        <source>Tên thôn, ví dụ “Bản Cát Cát”</source>
        <translation>Village name, e.g. “Bản Cát Cát”</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="249"/>
        <source>Thêm thôn</source>
        <translation>Add village</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="255"/>
        <source>Bớt thôn đang chọn</source>
        <translation>Remove selected village</translation>
    </message>
    <message>
        <source>Thôn mới</source>
        <translation type="vanished">New village</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="87"/>
        <source>Chào mừng đến với de06desk</source>
        <translation>Welcome to de06desk</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="90"/>
        <source>Phần mềm giúp Công an xã và Tổ công tác Đề án 06 ghi nhận các đợt kích hoạt định danh điện tử, làm sạch dữ liệu dân cư, hỗ trợ người dân và lập báo cáo tuần — hoàn toàn không cần mạng.

Lần đầu sử dụng: hãy khai báo xã/phường của mình (khoảng 5 phút), hoặc dùng thử với dữ liệu mẫu.</source>
        <translation>This software helps the commune police and the Project 06 working group record e-ID activation drives, clean up population data, support citizens and make the weekly report — with no network at all.

First time here: set up your commune (about 5 minutes), or try it with demo data.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="99"/>
        <source>Dùng dữ liệu mẫu</source>
        <translation>Use demo data</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="104"/>
        <source>Dữ liệu mẫu là dữ liệu giả lập, chỉ để tập sử dụng.</source>
        <translation>Demo data is invented, for practice only.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="107"/>
        <source>Bấm “Tiếp theo” để khai báo xã/phường của bạn.</source>
        <translation>Press “Next” to set up your commune.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="109"/>
        <source>Máy này là của cấp trên (tỉnh, thành phố): nhận gói của các xã</source>
        <translation>This PC belongs to an upper level (province, city): it receives the communes’ packages</translation>
    </message>
</context>
<context>
    <name>_Words</name>
    <message>
        <source>Chưa đăng ký khóa</source>
        <translation type="vanished">No key registered</translation>
    </message>
    <message>
        <source>Chưa gửi gói nào</source>
        <translation type="vanished">Never sent a package</translation>
    </message>
    <message>
        <source>Đã gửi tuần này</source>
        <translation type="vanished">Sent this week</translation>
    </message>
    <message>
        <source>Chưa gửi tuần này</source>
        <translation type="vanished">Not sent this week</translation>
    </message>
    <message>
        <source>Im lặng {n} tuần</source>
        <translation type="vanished">Silent for {n} weeks</translation>
    </message>
    <message>
        <source>CẢNH BÁO: nhật ký bị viết lại</source>
        <translation type="vanished">WARNING: audit log rewritten</translation>
    </message>
    <message>
        <source>Khớp</source>
        <translation type="vanished">Consistent</translation>
    </message>
    <message>
        <source>Đơn vị: {c} {n}
Vân tay: {fp}</source>
        <translation type="vanished">Unit: {c} {n}
Fingerprint: {fp}</translation>
    </message>
    <message>
        <source>CẢNH BÁO: xã này đã có khóa khác. Khóa mới sẽ THAY khóa cũ.
Vân tay cũ: {old}
Vân tay mới: {new}
Chỉ thay khi đã gọi điện cho xã và xã đọc đúng vân tay mới.</source>
        <translation type="vanished">WARNING: this commune already has another key. The new key will REPLACE the old one.
Old fingerprint: {old}
New fingerprint: {new}
Replace it only after calling the commune and hearing it read the new fingerprint.</translation>
    </message>
    <message>
        <source>CẢNH BÁO: {c} không thuộc {p}.</source>
        <translation type="vanished">WARNING: {c} is not in {p}.</translation>
    </message>
    <message>
        <source>Vân tay có khớp với xã đọc cho bạn qua điện thoại không?</source>
        <translation type="vanished">Does the fingerprint match what the commune read to you by phone?</translation>
    </message>
</context>
</TS>
