#!/bin/sh
# Install de06desk for the current user (no root needed), or upgrade an installed copy.
#   ./install.sh             install / upgrade into ~/.local/opt/de06desk
#   ./install.sh --uninstall remove the program (your data in ~/.local/share/de06desk stays)
# The database and backups live in ~/.local/share/de06desk and are never touched here.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix="${XDG_DATA_HOME:-$HOME/.local/share}"
opt="$HOME/.local/opt/de06desk"
bin="$HOME/.local/bin"
apps="$prefix/applications"
icons="$prefix/icons/hicolor/256x256/apps"

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$opt"
    rm -f "$bin/de06desk" "$apps/de06desk.desktop" "$icons/de06desk.png"
    echo "de06desk removed. Your data is still in $prefix/de06desk."
    exit 0
fi

mkdir -p "$(dirname "$opt")" "$bin" "$apps" "$icons"
# Copy next to the old version, then swap, so a failed copy leaves the old one working.
rm -rf "$opt.new"
cp -a "$here/de06desk" "$opt.new"
rm -rf "$opt.old"
[ -e "$opt" ] && mv "$opt" "$opt.old"
mv "$opt.new" "$opt"
rm -rf "$opt.old"

ln -sf "$opt/de06desk" "$bin/de06desk"
cp "$here/de06desk.png" "$icons/de06desk.png"
sed "s|@EXEC@|$opt/de06desk|" "$here/de06desk.desktop" > "$apps/de06desk.desktop"
chmod 644 "$apps/de06desk.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
echo "de06desk $("$opt/de06desk" --version | cut -d' ' -f2) installed in $opt."
echo "Start it from the applications menu, or run: $bin/de06desk"
