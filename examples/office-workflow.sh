#!/usr/bin/env bash
# 信息公开办公室的日常脚本（9 月至 10 月，每天运行一次，或收到新文件时运行）：
#
#   1. 从各部门的共享文件夹收集新文件或改过的文件，复制到本学年的文件夹；
#   2. 逐个检查新文件，列出每个文件的问题；
#   3. 打印各部门的提交情况，列出尚未提交或仍有错误的部门（可据此发提醒）；
#   4. 生成草稿（缺的数字显示为【待补充：…】）；
#   5. 所有部门都交齐且没有错误时，生成正式报告。
#
# 用法：office-workflow.sh 学年 共享文件夹 [数据文件夹]
#   例：office-workflow.sh 2020-2021 /mnt/共享/信息公开/2020-2021 data
#
# 只依赖 disclose 的退出码（0 成功，1 有错误或未交齐，2 用法错误，3 无法读写）和 JSON 输出
# （docs/json.md）；JSON 用 python3 解析。环境变量 DISCLOSE 可指定 disclose 程序的路径。
set -euo pipefail

year=${1:?usage: office-workflow.sh YEAR SHARED_DIR [DATA_DIR]}
inbox=${2:?usage: office-workflow.sh YEAR SHARED_DIR [DATA_DIR]}
data=${3:-data}
disclose=${DISCLOSE:-disclose}
folder="$data/$year"
out="$data/out"
mkdir -p "$folder" "$out"

# 1. Collect: department files that are new or differ from the copy we have. report.toml is the
#    office's own file and is never taken from the shared folder.
new_files=()
for source in "$inbox"/*; do
  [ -f "$source" ] || continue
  name=$(basename "$source")
  case "$name" in
    report.toml | .* | '~$'*) continue ;;
    *.csv | *.toml | *.xlsx) ;;
    *) echo "跳过（不是 .csv/.toml/.xlsx）：$name"; continue ;;
  esac
  if ! cmp -s "$source" "$folder/$name"; then
    cp "$source" "$folder/$name"
    new_files+=("$name")
  fi
done
echo "新收到或更新的文件：${#new_files[@]} 个"

# 2. Validate, and show the findings of each new file. Exit code 3 means disclose could not run
#    at all (a folder or file unreadable): stop there.
set +e
"$disclose" --data "$data" validate "$year" --format json > "$out/validate.json"
code=$?
set -e
if [ "$code" -ge 2 ]; then
  echo "disclose validate 无法运行（退出码 $code）" >&2
  exit "$code"
fi
for name in "${new_files[@]}"; do
  python3 - "$out/validate.json" "$name" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
name = sys.argv[2]
found = [d for y in doc["years"] for d in y["diagnostics"] if d.get("file", "").endswith("/" + name)]
print(f"{name}：{'没有问题' if not found else f'{len(found)} 个问题'}")
for d in found:
    where = d.get("cell") or (f'{d["line"]}:{d["column"]}' if d.get("line") else "")
    print(f"  {d['severity']}[{d['rule']}] {where} {d['message']}")
PY
done

# 3. Status: who has not submitted, who still has errors. Exit code 1 = not complete yet.
set +e
"$disclose" --data "$data" status "$year" --format json > "$out/status.json"
complete=$?
set -e
python3 - "$out/status.json" <<'PY'
import json, sys
status = json.load(open(sys.argv[1], encoding="utf-8"))
for d in status["departments"]:
    if d["listed"] and not d["received"]:
        print(f"提醒：{d['name']} 尚未提交")
    elif d["errors"]:
        print(f"提醒：{d['name']} 的文件有 {d['errors']} 个错误")
print(f"合计：错误 {status['errors']} 个，警告 {status['warnings']} 个")
PY

# 4. The draft, always: missing figures show as 【待补充：…】, open findings at the end.
"$disclose" --data "$data" compile "$year" --draft -q -o "$out/$year-草稿.md"
echo "草稿：$out/$year-草稿.md"

# 5. The final report, once everything is in and correct.
if [ "$complete" -eq 0 ]; then
  "$disclose" --data "$data" compile "$year" -q -f text -o "$out/$year-信息公开工作年度报告.txt"
  echo "正式报告：$out/$year-信息公开工作年度报告.txt"
else
  echo "尚未交齐或仍有错误，暂不生成正式报告。"
fi
