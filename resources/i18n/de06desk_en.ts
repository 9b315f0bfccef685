<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ActivationDialog</name>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="53"/>
        <source>Ghi nhận đã kích hoạt</source>
        <translation>Record activation</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="69"/>
        <source>Số điện thoại kích hoạt</source>
        <translation>Activation phone</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="70"/>
        <source>Ngày kích hoạt</source>
        <translation>Activated on</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="385"/>
        <source>Tài khoản quản trị</source>
        <translation>Administrator account</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="386"/>
        <source>Dùng để đăng nhập; hãy ghi nhớ mật khẩu.</source>
        <translation>Used to log in; remember the password.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="399"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="400"/>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="401"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="402"/>
        <source>Nhập lại mật khẩu</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="411"/>
        <source>Hãy nhập tên đăng nhập.</source>
        <translation>Enter a user name.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="413"/>
        <source>Mật khẩu cần ít nhất {n} ký tự.</source>
        <translation>The password needs at least {n} characters.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="417"/>
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="46"/>
        <source>Chỉ quản trị viên được xem nhật ký hoạt động.</source>
        <translation>Only administrators may view the activity log.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="55"/>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="61"/>
        <source>Lọc</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="65"/>
        <location filename="../../de06desk/ui/screens/audit.py" line="78"/>
        <source>Người dùng</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="67"/>
        <location filename="../../de06desk/ui/screens/audit.py" line="79"/>
        <source>Thao tác</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="71"/>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="77"/>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="80"/>
        <source>Loại bản ghi</source>
        <translation>Record type</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="81"/>
        <source>Bản ghi</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="82"/>
        <source>Trước</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="83"/>
        <source>Sau</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="84"/>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="94"/>
        <source>Xem thêm</source>
        <translation>Show more</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/audit.py" line="131"/>
        <source>(tất cả)</source>
        <translation>(all)</translation>
    </message>
    <message>
        <source>Thay đổi</source>
        <translation>Changes</translation>
    </message>
</context>
<context>
    <name>ChoiceEditor</name>
    <message>
        <location filename="../../de06desk/ui/editors.py" line="227"/>
        <source>— Chọn —</source>
        <translation>— Choose —</translation>
    </message>
</context>
<context>
    <name>CitizenImportDialog</name>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="64"/>
        <source>Nhập danh sách công dân</source>
        <translation>Import a citizen list</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="71"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="86"/>
        <source>Tệp Excel (.xlsx, .xls) hoặc CSV</source>
        <translation>Excel file (.xlsx, .xls) or CSV</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="87"/>
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="91"/>
        <source>Tự nhận</source>
        <translation>Detect</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="99"/>
        <source>Đọc tệp</source>
        <translation>Read file</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="103"/>
        <source>Hoàn tác lần nhập gần nhất</source>
        <translation>Undo the last import</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="109"/>
        <source>Tệp danh sách:</source>
        <translation>List file:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="110"/>
        <source>Bảng mã (CSV):</source>
        <translation>Encoding (CSV):</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="111"/>
        <source>Trang tính:</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="114"/>
        <source>Nhận tệp Excel (.xlsx, .xls) và CSV (UTF-8 hoặc Windows-1258). Tệp gõ bằng phông TCVN3 (.VnTime) hay VNI cần chuyển sang Unicode trước.</source>
        <translation>Accepts Excel (.xlsx, .xls) and CSV (UTF-8 or Windows-1258) files. Files typed in TCVN3 (.VnTime) or VNI fonts must be converted to Unicode first.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="132"/>
        <source>Chọn danh sách công dân</source>
        <translation>Choose a citizen list</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="134"/>
        <source>Danh sách (*.xlsx *.xls *.csv *.txt);;Mọi tệp (*)</source>
        <translation>Lists (*.xlsx *.xls *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="153"/>
        <source>Đang đọc tệp</source>
        <translation>Reading the file</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="184"/>
        <source>Tạo thôn/xóm chưa có trong danh mục</source>
        <translation>Create villages not yet in the list</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="185"/>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="262"/>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="187"/>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="205"/>
        <source>(không nhập)</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="207"/>
        <source>Cột {n}</source>
        <translation>Column {n}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="212"/>
        <source>{rows} dòng dữ liệu (từ dòng {first}). Hãy kiểm tra cột nào ứng với thông tin nào; các cột có dấu * là bắt buộc.</source>
        <translation>{rows} data rows (from row {first}). Check which column holds which information; columns marked * are required.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="245"/>
        <source>Đang xem trước</source>
        <translation>Preparing the preview</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="256"/>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="256"/>
        <source>Lý do từ chối</source>
        <translation>Reason refused</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="264"/>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="360"/>
        <source>Lưu danh sách bị từ chối…</source>
        <translation>Save the refused rows…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="287"/>
        <source>Thôn/xóm sẽ tạo mới: {names}.</source>
        <translation>Villages to be created: {names}.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="294"/>
        <source>{n} dòng có số định danh không khớp năm sinh hoặc giới tính: vẫn được nhập và sẽ hiện ở màn hình Kiểm tra dữ liệu.</source>
        <translation>{n} rows have an ID number that does not match the birth year or sex: they are imported anyway and will show in the data check.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="308"/>
        <source>Ghi {n} dòng vào dữ liệu</source>
        <translation>Write {n} rows to the data</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="319"/>
        <source>Lưu danh sách bị từ chối</source>
        <translation>Save the refused rows</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="321"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="328"/>
        <source>Đã lưu danh sách bị từ chối: {p}</source>
        <translation>Refused rows saved: {p}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="345"/>
        <source>Đang ghi dữ liệu</source>
        <translation>Writing the data</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="362"/>
        <source>Hoàn tác lần nhập này</source>
        <translation>Undo this import</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="378"/>
        <source>Đã nhập xong: thêm mới {added}, cập nhật {updated}, không đổi {same}, bị từ chối {refused}.</source>
        <translation>Import finished: {added} added, {updated} updated, {same} unchanged, {refused} refused.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="387"/>
        <source>Đã tạo {n} thôn/xóm.</source>
        <translation>{n} villages created.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="389"/>
        <source>Mã lần nhập: {b}</source>
        <translation>Import code: {b}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="417"/>
        <source>Đang hoàn tác</source>
        <translation>Undoing</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="422"/>
        <source>Đã hoàn tác lần nhập {b}.</source>
        <translation>Import {b} undone.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="445"/>
        <source>Lần nhập gần nhất ({src}) đã được hoàn tác.</source>
        <translation>The last import ({src}) has been undone.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs/citizen_import.py" line="450"/>
        <source>Lần nhập gần nhất: {src}, lúc {at}, thêm {a}, cập nhật {u} (mã {b}).</source>
        <translation>Last import: {src}, at {at}, {a} added, {u} updated (code {b}).</translation>
    </message>
</context>
<context>
    <name>CitizenListScreen</name>
    <message>
        <location filename="../../de06desk/ui/screens/citizens.py" line="38"/>
        <source>Nhập danh sách công dân…</source>
        <translation>Import citizen list…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/citizens.py" line="53"/>
        <source>Nhập danh sách công dân</source>
        <translation>Import a citizen list</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/citizens.py" line="54"/>
        <source>Chức năng này đang được chuẩn bị.</source>
        <translation>This feature is being prepared.</translation>
    </message>
</context>
<context>
    <name>CitizensScreen</name>
    <message>
        <location filename="../../de06desk/ui/screens/citizens.py" line="70"/>
        <source>Danh sách công dân</source>
        <translation>Citizens</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/citizens.py" line="71"/>
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
        <location filename="../../de06desk/ui/screens/cleanup.py" line="47"/>
        <source>Kiểm tra chất lượng dữ liệu</source>
        <translation>Data quality check</translation>
    </message>
</context>
<context>
    <name>CommunePage</name>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="176"/>
        <source>Chọn xã/phường</source>
        <translation>Choose the commune</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="179"/>
        <source>Danh mục đơn vị hành chính từ 01/07/2025. Gõ tên, có dấu hay không dấu đều được.</source>
        <translation>Administrative units from 1 July 2025. Type the name, with or without diacritics.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="184"/>
        <source>Tất cả tỉnh, thành phố</source>
        <translation>All provinces and cities</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="189"/>
        <source>Ví dụ: ta van</source>
        <translation>For example: ta van</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="195"/>
        <source>Tỉnh/Thành phố</source>
        <translation>Province/City</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="196"/>
        <source>Tìm xã/phường</source>
        <translation>Find commune/ward</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="224"/>
        <source>Đã chọn: {c} (mã {code})</source>
        <translation>Chosen: {c} (code {code})</translation>
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
        <location filename="../../de06desk/ui/screens/dashboard.py" line="201"/>
        <source>Tổng quan — {w}</source>
        <translation>Overview — {w}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/dashboard.py" line="176"/>
        <source>Tổng quan — đang tính số liệu…</source>
        <translation>Overview — counting…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/dashboard.py" line="236"/>
        <source>{now} so với {before}</source>
        <translation>{now} compared with {before}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/dashboard.py" line="248"/>
        <source>xã, phường</source>
        <translation>communes</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/dashboard.py" line="248"/>
        <source>thôn, tổ dân phố</source>
        <translation>villages</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/dashboard.py" line="250"/>
        <source>Tài khoản kích hoạt {now} theo {where}</source>
        <translation>Accounts activated ({now}) by {where}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/dashboard.py" line="258"/>
        <source>Đã kích hoạt</source>
        <translation>Activated</translation>
    </message>
    <message>
        <source>Số liệu tính đến hết ngày {d}</source>
        <translation>Figures counted to the end of {d}</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <location filename="../../de06desk/ui/editors.py" line="172"/>
        <source>Bỏ đánh dấu để để trống ngày này</source>
        <translation>Untick to leave this date empty</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../de06desk/ui/dialogs_common.py" line="23"/>
        <source>Chưa lưu thay đổi</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/dialogs_common.py" line="24"/>
        <source>Bạn đã sửa thông tin nhưng chưa lưu. Có lưu lại không?</source>
        <translation>You changed this record but did not save it. Save it now?</translation>
    </message>
</context>
<context>
    <name>DrivesScreen</name>
    <message>
        <location filename="../../de06desk/ui/screens/drives.py" line="50"/>
        <source>Thông tin đợt</source>
        <translation>Drive details</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/drives.py" line="51"/>
        <location filename="../../de06desk/ui/screens/drives.py" line="106"/>
        <source>Danh sách công dân</source>
        <translation>Citizens</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/drives.py" line="96"/>
        <source>Tính tự động từ danh sách công dân của đợt ({n} người).</source>
        <translation>Counted from the drive&apos;s roster ({n} people).</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/drives.py" line="102"/>
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
        <location filename="../../de06desk/ui/screens/quality.py" line="100"/>
        <source>Tiêu chí</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="101"/>
        <source>Kiểm tra</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="102"/>
        <source>Công dân</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="103"/>
        <source>Giải thích</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="120"/>
        <source>[Đã có hồ sơ làm sạch] </source>
        <translation>[Cleanup case exists] </translation>
    </message>
</context>
<context>
    <name>FollowUpPanel</name>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="134"/>
        <source>Mọi thôn/xóm</source>
        <translation>All villages</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="141"/>
        <location filename="../../de06desk/ui/followup.py" line="165"/>
        <source>Thôn/Xóm</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="142"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="143"/>
        <source>Số định danh</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="144"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="145"/>
        <source>Ngày phê duyệt</source>
        <translation>Approved on</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="146"/>
        <source>Số ngày chờ</source>
        <translation>Days waiting</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="147"/>
        <location filename="../../de06desk/ui/followup.py" line="322"/>
        <source>Lý do chưa kích hoạt</source>
        <translation>Reason not activated</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="153"/>
        <source>✔ Đã kích hoạt…</source>
        <translation>✔ Activated…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="156"/>
        <source>Chưa kích hoạt được: ghi lý do…</source>
        <translation>Not activated: record reason…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="163"/>
        <source>Ngày phát hiện</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="164"/>
        <source>Số ngày</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="166"/>
        <source>Công dân</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="167"/>
        <source>Tiêu chí</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="168"/>
        <source>Loại sai sót</source>
        <translation>Error type</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="169"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="170"/>
        <source>Mô tả</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="175"/>
        <source>✔ Đã chỉnh sửa…</source>
        <translation>✔ Corrected…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="177"/>
        <source>Không phải sai sót</source>
        <translation>Not an error</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="189"/>
        <source>Xuất danh sách đi thôn…</source>
        <translation>Export village visit list…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="192"/>
        <source>In hoặc lưu danh sách cần theo dõi của một thôn để mang đi rà soát.</source>
        <translation>Print or save a village&apos;s follow-up list to take on a visit.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="196"/>
        <source>Lọc theo:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="252"/>
        <source>Đã phê duyệt, chưa kích hoạt: {n} người</source>
        <translation>Approved, not activated: {n} people</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="275"/>
        <source>Hồ sơ làm sạch chưa xong (cũ nhất trước): {n}</source>
        <translation>Open cleanup cases (oldest first): {n}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="285"/>
        <source>Chức năng này đang được chuẩn bị.</source>
        <translation>This feature is being prepared.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="322"/>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="349"/>
        <source>Đã chỉnh sửa</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/followup.py" line="350"/>
        <source>Thông tin đúng sau khi chỉnh sửa:</source>
        <translation>Corrected value:</translation>
    </message>
    <message>
        <source>In danh sách…</source>
        <translation>Print list…</translation>
    </message>
    <message>
        <source>Xem trước và in danh sách cần theo dõi của thôn đang lọc.</source>
        <translation>Preview and print the follow-up list of the village in the filter.</translation>
    </message>
    <message>
        <source>Hãy chọn một thôn/xóm ở ô “Lọc theo” để in danh sách của thôn đó.</source>
        <translation>Choose a village in “Filter by” to print that village's list.</translation>
    </message>
    <message>
        <source>Danh sách theo dõi — {v}</source>
        <translation>Follow-up list — {v}</translation>
    </message>
</context>
<context>
    <name>HeadlineCard</name>
    <message>
        <location filename="../../de06desk/ui/screens/dashboard.py" line="82"/>
        <source>Đạt {p} chỉ tiêu ({v}/{t})</source>
        <translation>{p} of the target ({v}/{t})</translation>
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
    <name>LanguagePanel</name>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="170"/>
        <source>Áp dụng</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="174"/>
        <source>Ngôn ngữ giao diện:</source>
        <translation>Interface language:</translation>
    </message>
</context>
<context>
    <name>LineEditor</name>
    <message>
        <location filename="../../de06desk/ui/editors.py" line="95"/>
        <source>12 chữ số, ví dụ 001084012345</source>
        <translation>12 digits, e.g. 001084012345</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/editors.py" line="99"/>
        <source>ví dụ 0912 345 678</source>
        <translation>e.g. 0912 345 678</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/editors.py" line="128"/>
        <source>Số chuẩn hóa: {n}</source>
        <translation>Normalised: {n}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../de06desk/ui/login.py" line="42"/>
        <source>Đăng nhập — de06desk</source>
        <translation>Log in — de06desk</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/login.py" line="55"/>
        <source>Đăng nhập</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/login.py" line="56"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/login.py" line="67"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/login.py" line="68"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="43"/>
        <location filename="../../de06desk/ui/main_window.py" line="215"/>
        <source>de06desk {v} — Đề án 06</source>
        <translation>de06desk {v} — Project 06</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="102"/>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="103"/>
        <source>Đợt kích hoạt</source>
        <translation>Activation drives</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="104"/>
        <source>Công dân &amp; theo dõi</source>
        <translation>Citizens &amp; follow-up</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="105"/>
        <source>Làm sạch dữ liệu</source>
        <translation>Data cleanup</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="106"/>
        <source>Hỗ trợ người dân</source>
        <translation>Citizen support</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="107"/>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="108"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="109"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/main_window.py" line="200"/>
        <source>Người dùng: {u}</source>
        <translation>User: {u}</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="38"/>
        <source>Thêm người dùng</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="43"/>
        <source>Cán bộ (nhập và sửa dữ liệu)</source>
        <translation>Officer (enters and edits data)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="44"/>
        <source>Chỉ xem và in báo cáo</source>
        <translation>View and print reports only</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="45"/>
        <source>Quản trị</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="60"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="61"/>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="62"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="63"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="64"/>
        <source>Nhập lại mật khẩu</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="70"/>
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="73"/>
        <source>Hãy nhập tên đăng nhập.</source>
        <translation>Enter a user name.</translation>
    </message>
</context>
<context>
    <name>OfficersPage</name>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="327"/>
        <source>Cán bộ</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="329"/>
        <source>Cán bộ phụ trách và thành viên tổ công nghệ số; có thể bổ sung sau.</source>
        <translation>Officers in charge and digital team members; you can add more later.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="333"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="333"/>
        <source>Chức vụ</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="335"/>
        <source>Thêm dòng</source>
        <translation>Add row</translation>
    </message>
</context>
<context>
    <name>PlaceholderScreen</name>
    <message>
        <location filename="../../de06desk/ui/placeholder.py" line="19"/>
        <source>{title}

Chức năng này đang được chuẩn bị.</source>
        <translation>{title}

This feature is being prepared.</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="246"/>
        <source>Tên đơn vị trên báo cáo</source>
        <translation>Unit name on reports</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="247"/>
        <source>Đã điền sẵn theo tên chính thức; sửa lại nếu cần.</source>
        <translation>Pre-filled from the official names; correct them if needed.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="251"/>
        <source>Tên đơn vị in trên báo cáo</source>
        <translation>Unit name printed on reports</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="252"/>
        <source>Cơ quan chủ quản</source>
        <translation>Parent body</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="253"/>
        <source>Địa danh ghi ngày tháng</source>
        <translation>Place name on the date line</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="254"/>
        <source>Chức danh người ký</source>
        <translation>Signer&apos;s title</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="255"/>
        <source>Họ tên người ký</source>
        <translation>Signer&apos;s name</translation>
    </message>
</context>
<context>
    <name>QualityScreen</name>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="137"/>
        <source>Kiểm tra lại</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="140"/>
        <source>Mọi tiêu chí</source>
        <translation>All criteria</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="144"/>
        <source>Mọi loại kiểm tra</source>
        <translation>All checks</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="164"/>
        <source>Mở hồ sơ làm sạch</source>
        <translation>Open cleanup case</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="166"/>
        <source>Tạo hồ sơ làm sạch dữ liệu đã điền sẵn theo vấn đề đang chọn.</source>
        <translation>Create a cleanup case pre-filled from the selected problem.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="169"/>
        <source>Chưa kiểm tra.</source>
        <translation>Not checked yet.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="174"/>
        <source>Lọc:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="209"/>
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="217"/>
        <source>Kiểm tra dữ liệu</source>
        <translation>Data check</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="234"/>
        <source>Kiểm tra không xong.</source>
        <translation>The check did not finish.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="244"/>
        <source>Không phát hiện vấn đề nào.</source>
        <translation>No problems found.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="247"/>
        <source>Phát hiện {total} vấn đề; đang hiện {shown}.</source>
        <translation>{total} problems found; showing {shown}.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/quality.py" line="280"/>
        <source>Đã mở hồ sơ làm sạch cho {name}.</source>
        <translation>Cleanup case opened for {name}.</translation>
    </message>
    <message>
        <source>Kiểm tra đến ngày {d}: không phát hiện vấn đề nào.</source>
        <translation>Checked as of {d}: no problems found.</translation>
    </message>
    <message>
        <source>Kiểm tra đến ngày {d}: phát hiện {total} vấn đề; đang hiện {shown}.</source>
        <translation>Checked as of {d}: {total} problems found; {shown} shown.</translation>
    </message>
</context>
<context>
    <name>RecordComboEditor</name>
    <message>
        <location filename="../../de06desk/ui/editors.py" line="301"/>
        <source>— Chọn —</source>
        <translation>— Choose —</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../de06desk/ui/record_form.py" line="156"/>
        <source>Lưu (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_form.py" line="161"/>
        <source>Hủy thay đổi</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_form.py" line="208"/>
        <source>Sửa: {form}</source>
        <translation>Edit: {form}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_form.py" line="210"/>
        <source>Thêm mới: {form}</source>
        <translation>New: {form}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_form.py" line="309"/>
        <source>Cần sửa hoặc điền: {fields}</source>
        <translation>To fix or fill in: {fields}</translation>
    </message>
</context>
<context>
    <name>RecordListPanel</name>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="76"/>
        <source>Tìm kiếm (Ctrl+F) — gõ không dấu cũng được</source>
        <translation>Search (Ctrl+F) — diacritics optional</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="90"/>
        <source>Mọi thời gian</source>
        <translation>Any time</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="95"/>
        <source>Tuần này — {w}</source>
        <translation>This week — {w}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="105"/>
        <source>{f}: tất cả</source>
        <translation>{f}: all</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="229"/>
        <source>Hơn {n} bản ghi</source>
        <translation>More than {n} records</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="231"/>
        <source>{n} bản ghi</source>
        <translation>{n} records</translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <location filename="../../de06desk/ui/editors.py" line="331"/>
        <source>Chọn: {form}</source>
        <translation>Choose: {form}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/editors.py" line="334"/>
        <source>Gõ tên hoặc số định danh (không cần dấu)…</source>
        <translation>Type a name or ID number (diacritics optional)…</translation>
    </message>
</context>
<context>
    <name>RecordScreen</name>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="272"/>
        <source>Thêm mới (Ctrl+N)</source>
        <translation>New (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="275"/>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="370"/>
        <source>Xóa bản ghi</source>
        <translation>Delete record</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/record_screen.py" line="371"/>
        <source>Xóa “{name}”? Thao tác này không hoàn tác được.</source>
        <translation>Delete “{name}”? This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="433"/>
        <source>Mã khôi phục</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="436"/>
        <source>Dữ liệu được mã hóa. Nếu quên mọi mật khẩu quản trị, chỉ mã này mở lại được dữ liệu. Hãy in hoặc chép lại, cất nơi an toàn, tách khỏi máy tính. Mã chỉ hiện một lần.</source>
        <translation>The data is encrypted. If every administrator password is forgotten, only this code opens the data again. Print it or write it down and keep it somewhere safe, away from the computer. It is shown only once.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="448"/>
        <source>Sao chép</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="450"/>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="452"/>
        <source>Tôi đã in hoặc chép lại mã khôi phục</source>
        <translation>I have printed or written down the recovery code</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="478"/>
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
        <location filename="../../de06desk/ui/editors.py" line="372"/>
        <source>(chưa chọn)</source>
        <translation>(none chosen)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/editors.py" line="373"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/editors.py" line="375"/>
        <source>Bỏ chọn</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="112"/>
        <source>Kỳ báo cáo</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="115"/>
        <source>Tuần</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="116"/>
        <source>Tháng</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="117"/>
        <source>Từ ngày – đến ngày</source>
        <translation>From – to</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="120"/>
        <source>Kỳ trước</source>
        <translation>Previous period</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="124"/>
        <source>Chọn một ngày bất kỳ trong tuần hoặc tháng cần báo cáo</source>
        <translation>Pick any day in the week or month to report on</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="126"/>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="131"/>
        <source>Kỳ sau</source>
        <translation>Next period</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="138"/>
        <source>Toàn địa bàn</source>
        <translation>Whole area</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="142"/>
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="161"/>
        <source>Xem số liệu</source>
        <translation>Show figures</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="163"/>
        <source>Xuất PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="165"/>
        <source>Xuất Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="167"/>
        <source>Mở tệp</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="168"/>
        <source>Mở tệp vừa ghi bằng chương trình của máy (để in)</source>
        <translation>Open the file just written in the system&apos;s viewer (to print)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="294"/>
        <source>Đã ghi {p}.</source>
        <translation>Saved {p}.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="106"/>
        <source>Dữ liệu đã thay đổi sau lần xem này; bấm “Xem số liệu” để cập nhật.</source>
        <translation>The data changed after these figures were made; press “Show figures” to update them.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="304"/>
        <source>Đang tổng hợp số liệu</source>
        <translation>Compiling the figures</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="308"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="312"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="323"/>
        <source>Lưu báo cáo</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="330"/>
        <source>Đang xuất báo cáo</source>
        <translation>Exporting the report</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="355"/>
        <source>Không có số liệu trong kỳ.</source>
        <translation>No figures for this period.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="372"/>
        <source>Chỉ số chính</source>
        <translation>Key figures</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/reports.py" line="382"/>
        <source>chỉ tiêu: {v}</source>
        <translation>target: {v}</translation>
    </message>
    <message>
        <source>Số liệu tính đến hết ngày {d}</source>
        <translation>Figures counted to the end of {d}</translation>
    </message>
    <message>
        <source>Bảng {n}. {title}</source>
        <translation>Table {n}. {title}</translation>
    </message>
    <message>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Xem trước và in đúng các trang của báo cáo PDF (chọn máy in trong hộp thoại)</source>
        <translation>Preview and print exactly the pages of the PDF report (choose the printer in the dialog)</translation>
    </message>
    <message>
        <source>Đang chuẩn bị bản in</source>
        <translation>Preparing the printout</translation>
    </message>
</context>
<context>
    <name>RosterPanel</name>
    <message>
        <location filename="../../de06desk/ui/roster.py" line="107"/>
        <source>Số định danh của công dân (12 chữ số)</source>
        <translation>Citizen&apos;s ID number (12 digits)</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/roster.py" line="109"/>
        <source>Thêm công dân</source>
        <translation>Add citizen</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/roster.py" line="138"/>
        <source>Hãy lưu đợt kích hoạt trước khi thêm công dân.</source>
        <translation>Save the drive before adding citizens.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/roster.py" line="180"/>
        <source>{name} đã có trong danh sách của đợt này.</source>
        <translation>{name} is already on this drive’s roster.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/roster.py" line="196"/>
        <source>Đã thêm {name}.</source>
        <translation>{name} added.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/roster.py" line="213"/>
        <source>Công dân mới — chưa có trong danh sách</source>
        <translation>New citizen — not yet on the list</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/roster.py" line="233"/>
        <source>Xóa khỏi danh sách</source>
        <translation>Remove from roster</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/roster.py" line="234"/>
        <source>Xóa công dân này khỏi danh sách của đợt?</source>
        <translation>Remove this citizen from the drive’s roster?</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="211"/>
        <source>Thông tin đơn vị</source>
        <translation>Unit profile</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="212"/>
        <source>Thôn/Xóm</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="213"/>
        <source>Cán bộ</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="214"/>
        <source>Chỉ tiêu</source>
        <translation>Targets</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="217"/>
        <source>Người dùng</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="218"/>
        <source>Nhật ký hoạt động</source>
        <translation>Activity log</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="223"/>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="490"/>
        <source>Thiết lập de06desk</source>
        <translation>de06desk set-up</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="576"/>
        <source>Dữ liệu mẫu: đăng nhập bằng tài khoản “{u}”, mật khẩu “{p}”.</source>
        <translation>Demo data: log in as “{u}” with password “{p}”.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="586"/>
        <source>Đang tạo dữ liệu mẫu…</source>
        <translation>Creating demo data…</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../de06desk/ui/app.py" line="125"/>
        <source>Cơ sở dữ liệu đã được nâng cấp lên phiên bản mới; bản sao trước khi nâng cấp được giữ tại:
{path}</source>
        <translation>The database was upgraded for this version; a copy from before the upgrade is kept at:
{path}</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="108"/>
        <source>Khóa bảo mật</source>
        <translation>Security keys</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="114"/>
        <source>Lưu tệp khóa công khai…</source>
        <translation>Save public key file…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="118"/>
        <source>Đăng ký khóa của xã…</source>
        <translation>Register a commune&apos;s key…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="118"/>
        <source>Nhập khóa cấp trên…</source>
        <translation>Import upper-level key…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="128"/>
        <source>Gửi dữ liệu lên cấp trên</source>
        <translation>Send data to the upper level</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="131"/>
        <source>Ghi vào:</source>
        <translation>Write to:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="133"/>
        <source>Gửi toàn bộ</source>
        <translation>Send everything</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="134"/>
        <source>Gửi lại toàn bộ dữ liệu, không chỉ phần thay đổi</source>
        <translation>Send all data again, not only the changes</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="136"/>
        <source>Xuất gói đồng bộ</source>
        <translation>Export sync package</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="143"/>
        <location filename="../../de06desk/ui/screens/sync.py" line="178"/>
        <source>Số gói</source>
        <translation>Packages</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="144"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="145"/>
        <source>Số dòng</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="146"/>
        <location filename="../../de06desk/ui/screens/sync.py" line="171"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="147"/>
        <source>Cấp trên đã nhận</source>
        <translation>Received by the upper level</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="150"/>
        <source>Các gói đã gửi</source>
        <translation>Packages sent</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="152"/>
        <source>Nhập gói từ cấp trên…</source>
        <translation>Import package from the upper level…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="159"/>
        <source>Nhập thư mục gói…</source>
        <translation>Import a folder of packages…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="161"/>
        <source>Nhập tệp gói…</source>
        <translation>Import package file…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="163"/>
        <source>Gửi gói xuống xã đã chọn…</source>
        <translation>Send a package down to the selected commune…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="170"/>
        <source>Kết quả lần nhập gần nhất</source>
        <translation>Result of the last import</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="171"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="171"/>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="173"/>
        <source>Tình hình các xã</source>
        <translation>Communes status</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="176"/>
        <source>Mã xã</source>
        <translation>Commune code</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="177"/>
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="179"/>
        <source>Số gói cuối</source>
        <translation>Last package number</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="180"/>
        <source>Ngày gói cuối</source>
        <translation>Last package date</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="181"/>
        <source>Gói còn thiếu</source>
        <translation>Missing packages</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="182"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="205"/>
        <source>Vân tay của đơn vị này: {fp}</source>
        <translation>This unit&apos;s fingerprint: {fp}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="207"/>
        <source>Chưa tạo khóa (sẽ tạo khi lưu tệp khóa hoặc gửi gói đầu tiên).</source>
        <translation>No key yet (it is created when you save the key file or send the first package).</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="212"/>
        <source>Cấp trên: {c} {n} — vân tay {fp}</source>
        <translation>Upper level: {c} {n} — fingerprint {fp}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="216"/>
        <source>Chưa có khóa cấp trên: hãy nhập tệp khóa cấp trên gửi xuống.</source>
        <translation>No upper-level key yet: import the key file the upper level sent you.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="228"/>
        <source>Ổ USB/ổ rời: {v}</source>
        <translation>USB/removable drive: {v}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="229"/>
        <source>Chọn thư mục…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="238"/>
        <source>Đã nhận ({d})</source>
        <translation>Received ({d})</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="240"/>
        <source>Đã gửi, chưa xác nhận</source>
        <translation>Sent, not yet acknowledged</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="253"/>
        <source>Chưa gửi gói nào</source>
        <translation>No package sent yet</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="255"/>
        <source>Im lặng {n} ngày</source>
        <translation>Silent for {n} days</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="257"/>
        <source>Bình thường</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="274"/>
        <source>Đã nhập</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="275"/>
        <source>Đã có, bỏ qua</source>
        <translation>Already imported, skipped</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="276"/>
        <source>Từ chối</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="277"/>
        <source>Đã hủy</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="290"/>
        <source>Lưu tệp khóa công khai</source>
        <translation>Save public key file</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="303"/>
        <source>Đã lưu</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="305"/>
        <source>Đã lưu {p}.
Vân tay: {fp}
Hãy đọc vân tay này cho bên kia đối chiếu.</source>
        <translation>Saved {p}.
Fingerprint: {fp}
Read this fingerprint to the other side to compare.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="312"/>
        <source>Chọn tệp khóa công khai</source>
        <translation>Choose a public key file</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="323"/>
        <source>Xác nhận khóa</source>
        <translation>Confirm key</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="325"/>
        <source>Đơn vị: {c} {n}
Vân tay: {fp}

Vân tay có khớp với bên kia đọc cho bạn không?</source>
        <translation>Unit: {c} {n}
Fingerprint: {fp}

Does the fingerprint match the one the other side read to you?</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="349"/>
        <location filename="../../de06desk/ui/screens/sync.py" line="439"/>
        <source>Chọn thư mục ghi gói</source>
        <translation>Choose where to write the package</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="372"/>
        <source>Không có thay đổi</source>
        <translation>No changes</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="373"/>
        <source>Không có gì mới từ lần gửi trước; không ghi gói.</source>
        <translation>Nothing new since the last package; no package written.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="378"/>
        <location filename="../../de06desk/ui/screens/sync.py" line="459"/>
        <source>Đã ghi gói</source>
        <translation>Package written</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="379"/>
        <source>Đã ghi và kiểm tra lại {p} ({n} dòng).</source>
        <translation>Wrote and verified {p} ({n} rows).</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="384"/>
        <source>Đang ghi gói đồng bộ…</source>
        <translation>Writing the sync package…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="391"/>
        <source>Chọn gói đồng bộ</source>
        <translation>Choose a sync package</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="398"/>
        <source>Chọn thư mục chứa gói</source>
        <translation>Choose the folder holding the packages</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="422"/>
        <source>Kết quả nhập gói</source>
        <translation>Package import result</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="426"/>
        <source>Đang nhập gói…</source>
        <translation>Importing the package…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="435"/>
        <source>Chọn xã</source>
        <translation>Choose commune</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="435"/>
        <source>Hãy chọn một xã trong bảng tình hình.</source>
        <translation>Choose a commune in the status table.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="459"/>
        <source>Đã ghi {p}.</source>
        <translation>Wrote {p}.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/sync.py" line="462"/>
        <source>Đang ghi gói…</source>
        <translation>Writing the package…</translation>
    </message>
    <message>
        <source>Đơn vị: {c} {n}
Vân tay: {fp}</source>
        <translation>Unit: {c} {n}
Fingerprint: {fp}</translation>
    </message>
    <message>
        <source>CẢNH BÁO: xã này đã có khóa khác. Khóa mới sẽ THAY khóa cũ.
Vân tay cũ: {old}
Vân tay mới: {new}</source>
        <translation>WARNING: this commune already has another key. The new key will REPLACE the old one.
Old fingerprint: {old}
New fingerprint: {new}</translation>
    </message>
    <message>
        <source>CẢNH BÁO: {c} không thuộc {p}.</source>
        <translation>WARNING: {c} is not in {p}.</translation>
    </message>
    <message>
        <source>CẢNH BÁO: khóa cấp trên mới sẽ THAY khóa cũ.
Vân tay cũ: {old}
Vân tay mới: {new}</source>
        <translation>WARNING: the new hub key will REPLACE the old one.
Old fingerprint: {old}
New fingerprint: {new}</translation>
    </message>
    <message>
        <source>Vân tay có khớp với bên kia đọc cho bạn không?</source>
        <translation>Does the fingerprint match the one the other side read to you?</translation>
    </message>
    <message>
        <source>Cảnh báo</source>
        <translation>Warning</translation>
    </message>
</context>
<context>
    <name>TargetsPage</name>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="357"/>
        <source>Chỉ tiêu</source>
        <translation>Targets</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="358"/>
        <source>Chỉ tiêu cấp trên giao; để 0 nếu chưa có.</source>
        <translation>Targets set by the upper level; leave 0 if none yet.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="362"/>
        <source>Tài khoản định danh mức 2 được kích hoạt</source>
        <translation>Level-2 e-ID accounts activated</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="363"/>
        <source>Hồ sơ làm sạch dữ liệu được xử lý</source>
        <translation>Cleanup cases closed</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="364"/>
        <source>Buổi hỗ trợ người dân</source>
        <translation>Support sessions</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="375"/>
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
    <name>UsersPanel</name>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="86"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="86"/>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="86"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="92"/>
        <source>Thêm người dùng…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="94"/>
        <source>Đặt lại mật khẩu…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="108"/>
        <source>Quản trị</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="109"/>
        <source>Cán bộ</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="110"/>
        <source>Chỉ xem</source>
        <translation>Viewer</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="145"/>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="146"/>
        <source>Mật khẩu mới cho {u}:</source>
        <translation>New password for {u}:</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/screens/settings.py" line="156"/>
        <source>Đã đặt lại mật khẩu.</source>
        <translation>The password has been reset.</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Khóa / mở lại tài khoản…</source>
        <translation>Disable / re-enable account…</translation>
    </message>
    <message>
        <source>Đổi vai trò…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <source>Đang dùng</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Đã khóa</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Khóa tài khoản</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <source>Khóa tài khoản {u}? Người này sẽ không đăng nhập được nữa.</source>
        <translation>Disable account {u}? This person will no longer be able to log in.</translation>
    </message>
    <message>
        <source>Cán bộ (nhập và sửa dữ liệu)</source>
        <translation>Officer (enters and edits data)</translation>
    </message>
    <message>
        <source>Chỉ xem và in báo cáo</source>
        <translation>View and print reports only</translation>
    </message>
    <message>
        <source>Đổi vai trò</source>
        <translation>Change role</translation>
    </message>
</context>
<context>
    <name>VillagesPage</name>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="282"/>
        <source>Thôn/Xóm/Tổ dân phố</source>
        <translation>Villages</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="284"/>
        <source>Bấm đúp vào tên để sửa cho đúng tên thôn của xã; có thể thêm hoặc bớt.</source>
        <translation>Double-click a name to change it to your commune&apos;s village names; add or remove as needed.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="289"/>
        <source>Thôn {n}</source>
        <translation>Village {n}</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="290"/>
        <source>Thêm thôn</source>
        <translation>Add village</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="292"/>
        <source>Bớt thôn đang chọn</source>
        <translation>Remove selected village</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="308"/>
        <source>Thôn mới</source>
        <translation>New village</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="141"/>
        <source>Chào mừng đến với de06desk</source>
        <translation>Welcome to de06desk</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="144"/>
        <source>Phần mềm giúp Công an xã và Tổ công tác Đề án 06 ghi nhận các đợt kích hoạt định danh điện tử, làm sạch dữ liệu dân cư, hỗ trợ người dân và lập báo cáo tuần — hoàn toàn không cần mạng.

Lần đầu sử dụng: hãy khai báo xã/phường của mình (khoảng 5 phút), hoặc dùng thử với dữ liệu mẫu.</source>
        <translation>This software helps the commune police and the Project 06 working group record e-ID activation drives, clean up population data, support citizens and make the weekly report — with no network at all.

First time here: set up your commune (about 5 minutes), or try it with demo data.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="153"/>
        <source>Dùng dữ liệu mẫu</source>
        <translation>Use demo data</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="158"/>
        <source>Dữ liệu mẫu là dữ liệu giả lập, chỉ để tập sử dụng.</source>
        <translation>Demo data is invented, for practice only.</translation>
    </message>
    <message>
        <location filename="../../de06desk/ui/wizard.py" line="161"/>
        <source>Bấm “Tiếp theo” để khai báo xã/phường của bạn.</source>
        <translation>Press “Next” to set up your commune.</translation>
    </message>
</context>
</TS>
