# tests/overlay.sh — sourced by the shell tests. overlay SRC DEST: makes DEST the default
# bundle with SRC's .ini files laid over it; a file SRC/remove lists bundle files to delete.
overlay() {
    mkdir -p "$2"
    cp "$top"/assets/content/en/*.ini "$2/"
    for f in "$1"/*; do
        case $(basename "$f") in
        *.txt) ;;
        remove) (cd "$2" && xargs rm -f <"$f") ;;
        *) cp "$f" "$2/" ;;
        esac
    done
}
