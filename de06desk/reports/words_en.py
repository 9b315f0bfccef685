"""The summary's words in English, for the English interface (the dashboard, the preview).

Keys are the Vietnamese source text used in `summary.py` and `formats.py` through
`formats.t()`; templates keep their {placeholders}. Official files stay Vietnamese.
A missing key shows the Vietnamese text (tests/ui/test_language.py finds those).
"""

from __future__ import annotations

EN: dict[str, str] = {
    # Progress steps
    "Lập báo cáo": "Laying out the report",
    "Đếm kết quả kích hoạt": "Counting activations",
    "Đếm hồ sơ làm sạch": "Counting cleanup cases",
    "Đếm buổi hỗ trợ": "Counting support sessions",
    "Kiểm tra chất lượng dữ liệu": "Checking data quality",
    "Tổng hợp từng xã": "Adding up each commune",
    # Periods
    "Trong tuần": "This week",
    "Trong tháng": "This month",
    "Trong kỳ": "In the period",
    "tuần trước": "last week",
    "tháng trước": "last month",
    "kỳ trước": "the previous period",
    "tuần": "week",
    "tháng": "month",
    "kỳ": "period",
    "Tuần này": "This week",
    "Tuần trước": "Last week",
    "Tháng này": "This month",
    "Tháng trước": "Last month",
    "Kỳ này": "This period",
    "Kỳ trước": "Previous period",
    "Đến ngày {d}": "To {d}",
    "Tuần": "Week",
    "Từ ngày": "From",
    "Đến ngày": "To",
    # Places and fixed labels
    "Xã, phường": "Commune",
    "Thôn, tổ dân phố": "Village",
    "Không xác định thôn, tổ": "Village not known",
    "Chưa rõ lý do": "Reason not known",
    "Chưa ghi dịch vụ": "Service not recorded",
    "Chưa có số liệu": "No figures yet",
    "Tổng cộng": "Total",
    "Lũy kế": "Cumulative",
    "không.": "none.",
    # Headlines and the compare chart
    "Hồ sơ mức 2 tiếp nhận": "Level-2 applications received",
    "Hồ sơ mức 2 được phê duyệt": "Level-2 applications approved",
    "Tài khoản mức 2 kích hoạt": "Level-2 accounts activated",
    "Hồ sơ mức 2 đã có tài khoản kích hoạt (lũy kế)": (
        "Level-2 applications with an active account (cumulative)"
    ),
    "Tài khoản mức 2 đã kích hoạt (lũy kế)": "Level-2 accounts activated (cumulative)",
    "Tài khoản mức 2 đã kích hoạt": "Level-2 accounts activated",
    "Tài khoản mức 1 đăng ký": "Level-1 accounts registered",
    "Hồ sơ làm sạch tồn đọng": "Cleanup cases outstanding",
    "Hồ sơ làm sạch đã xử lý xong": "Cleanup cases closed",
    "Buổi hỗ trợ người dân": "Support sessions",
    "Lượt người dân được hỗ trợ": "Citizens helped",
    "Mức 1": "Level 1",
    "Tiếp nhận": "Received",
    "Phê duyệt": "Approved",
    "Kích hoạt": "Activated",
    "Làm sạch xong": "Cleanup closed",
    "Người được hỗ trợ": "People helped",
    # Section I
    "Kết quả cấp, kích hoạt tài khoản định danh điện tử": "Issuing and activating e-ID accounts",
    "Nội dung": "Item",
    "Tỷ lệ kích hoạt (lũy kế)": "Activation rate (cumulative)",
    "Tỷ lệ": "Rate",
    "Hồ sơ mức 2 đã tiếp nhận có tài khoản kích hoạt": (
        "Level-2 applications received with an active account"
    ),
    "Tài khoản đã kích hoạt so với chỉ tiêu": "Accounts activated against the target",
    "Thực hiện chỉ tiêu tài khoản định danh điện tử mức 2 được kích hoạt": (
        "Progress towards the target of activated level-2 e-ID accounts"
    ),
    "Chỉ tiêu": "Target",
    "Đã kích hoạt (lũy kế)": "Activated (cumulative)",
    "Còn phải thực hiện": "Still to do",
    "Tỷ lệ hoàn thành": "Share done",
    "Kết quả theo xã, phường": "Results by commune",
    "Kết quả theo đơn vị trực thuộc": "Results by unit below",
    "Đơn vị trực thuộc": "Unit below",
    "Đơn vị": "Unit",
    "Kết quả theo thôn, tổ dân phố": "Results by village",
    "Tiếp nhận ({now})": "Received ({now})",
    "Phê duyệt ({now})": "Approved ({now})",
    "Kích hoạt ({now})": "Activated ({now})",
    "Tiếp nhận (lũy kế)": "Received (cumulative)",
    "Kích hoạt (lũy kế)": "Activated (cumulative)",
    "Hồ sơ đã phê duyệt hoặc không đạt, chưa kích hoạt (đến ngày {d})": (
        "Approved or failed, not yet activated (to {d})"
    ),
    "Lý do": "Reason",
    "Số công dân": "Citizens",
    "Số đợt cấp, kích hoạt tài khoản theo hình thức": "Account drives by kind",
    "Hình thức": "Kind",
    "{within}, tiếp nhận {received} hồ sơ mức 2, phê duyệt {approved}, kích hoạt "
    "{activated} tài khoản; đăng ký {level1} tài khoản mức 1. So với {before}: tiếp nhận "
    "{received_before}, kích hoạt {activated_before}.": (
        "{within}: {received} level-2 applications received, {approved} approved, "
        "{activated} accounts activated; {level1} level-1 accounts registered. Compared with "
        "{before}: {received_before} received, {activated_before} activated."
    ),
    "Tổ chức {n} đợt cấp, kích hoạt tài khoản": "{n} account drives held",
    "Lũy kế đến ngày {d}: tiếp nhận {received} hồ sơ mức 2, kích hoạt {activated} tài khoản "
    "({share} số hồ sơ đã tiếp nhận)": (
        "Cumulative to {d}: {received} level-2 applications received, {activated} accounts "
        "activated ({share} of the applications received)"
    ),
    ", đạt {share} chỉ tiêu ({target} tài khoản).": ", {share} of the target ({target} accounts).",
    "; chưa có chỉ tiêu được giao cho thời điểm này.": "; no target is set for this date.",
    "Còn {n} công dân đã phê duyệt hoặc không đạt nhưng chưa kích hoạt; lý do nhiều nhất: "
    "{reason} ({top}).": (
        "{n} citizens approved or failed are not yet activated; the most frequent reason: "
        "{reason} ({top})."
    ),
    "Số xã, phường trên địa bàn: {n}; chưa có số liệu: ": "Communes in the area: {n}; no figures: ",
    "Số đơn vị cấp dưới: {n}; chưa gửi số liệu kỳ này: ": (
        "Units below: {n}; no figures sent for the period: "
    ),
    "Xếp hạng các đơn vị cấp dưới theo tỷ lệ hoàn thành chỉ tiêu kích hoạt": (
        "Units below ranked by completion of their activation target"
    ),
    "Xếp hạng các xã, phường theo tỷ lệ hoàn thành chỉ tiêu kích hoạt": (
        "Communes ranked by share of the activation target done"
    ),
    "Hạng": "Rank",
    "Kích hoạt trong kỳ": "Activated in the period",
    "Tỷ lệ so với chỉ tiêu": "Share of target",
    "Ghi chú": "Note",
    # Section II
    "Làm sạch dữ liệu dân cư": "Cleaning population data",
    "Kết quả làm sạch dữ liệu dân cư": "Population data cleanup",
    "Trường hợp phát hiện mới": "New cases found",
    "Đã xác minh, đang xử lý": "Verified, in progress",
    "Đã chỉnh sửa": "Corrected",
    "Xác định không phải sai sót": "Found not to be an error",
    "Tồn đọng cuối kỳ": "Outstanding at the end",
    "Theo tiêu chí “đúng, đủ, sạch, sống”": ("By criterion “correct, complete, clean, living”"),
    "Tiêu chí": "Criterion",
    "Phát hiện mới": "New",
    "Không phải sai sót": "Not an error",
    "Tồn đọng": "Outstanding",
    "Lâu nhất (ngày)": "Oldest (days)",
    "Trường hợp tồn đọng theo loại sai sót (đến ngày {d})": "Outstanding by error type (to {d})",
    "Loại sai sót": "Error type",
    "{within}, phát hiện mới {opened} trường hợp cần làm sạch; đã chỉnh sửa {corrected}, "
    "xác định không phải sai sót {rejected}; {verified} trường hợp đã xác minh đang xử lý.": (
        "{within}: {opened} new cases to clean; {corrected} corrected, {rejected} found not to "
        "be errors; {verified} verified and in progress."
    ),
    "Đến ngày {d} còn tồn đọng {n} trường hợp ({parts}); trường hợp lâu nhất đã {days} ngày.": (
        "On {d}, {n} cases are outstanding ({parts}); the oldest is {days} days old."
    ),
    "Đến ngày {d} không còn trường hợp tồn đọng.": "On {d}, no case is outstanding.",
    # Section III
    "Hỗ trợ người dân": "Helping citizens",
    "Hỗ trợ người dân theo nội dung (một buổi có thể hỗ trợ nhiều nội dung)": (
        "Support by subject (one session may cover several)"
    ),
    "Nội dung hỗ trợ": "Subject",
    "Số buổi": "Sessions",
    "Số người được hỗ trợ": "People helped",
    "Tổng số (không tính trùng)": "Total (each counted once)",
    "Dịch vụ công trực tuyến được hỗ trợ": "Online public services helped with",
    "Dịch vụ công": "Public service",
    "Hỗ trợ người dân theo xã, phường": "Support by commune",
    "Hỗ trợ người dân theo thôn, tổ dân phố": "Support by village",
    "Trong đó nữ": "Of whom women",
    "Người cao tuổi": "Elderly",
    "Người dân tộc thiểu số": "Ethnic minority",
    "{what} {n} người": "{what} {n}",
    "{within}, tổ chức {n} buổi hỗ trợ, giúp {helped} lượt người dân ({parts}).": (
        "{within}: {n} support sessions, {helped} citizens helped ({parts})."
    ),
    "Trong đó nữ {women}, người cao tuổi {elderly}, người dân tộc thiểu số {minority} (theo "
    "số liệu được ghi nhận).": (
        "Of whom {women} women, {elderly} elderly, {minority} from ethnic minorities (as recorded)."
    ),
    "{within} chưa ghi nhận buổi hỗ trợ người dân nào.": "{within}: no support session recorded.",
    # Section IV
    "Chất lượng dữ liệu": "Data quality",
    "Kết quả kiểm tra chất lượng dữ liệu (số trường hợp)": "Data-quality checks (cases)",
    "Nội dung kiểm tra": "Check",
    "Số trường hợp": "Cases",
    "Kiểm tra tự động phát hiện {n} trường hợp dữ liệu cần rà soát ({parts}).": (
        "The automatic checks found {n} records to review ({parts})."
    ),
}
