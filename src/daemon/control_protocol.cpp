#include "daemon/control_protocol.hpp"

#include "core/error.hpp"
#include "core/json.hpp"
#include "core/json_value.hpp"
#include "daemon/status_json.hpp"

namespace loa::daemon {
namespace {

std::string accepted(std::string_view message) {
    return "{\"ok\":true,\"message\":" + json::quoted(message) + "}";
}

std::string refused(std::string_view message) {
    return "{\"ok\":false,\"refused\":true,\"error\":" + json::quoted(message) + "}";
}

std::string failed(std::string_view message) {
    return "{\"ok\":false,\"refused\":false,\"error\":" + json::quoted(message) + "}";
}

std::string answer_play(const json::Value &request, ControlHandler &handler) {
    const json::Value *id = request.member("id");
    if (!id || !id->string() || id->string()->empty())
        return refused("a play request needs the announcement's id");
    Priority priority = Priority::normal;
    if (const json::Value *text = request.member("priority")) {
        const auto parsed = text->string() ? parse_priority(*text->string()) : std::nullopt;
        if (!parsed)
            return refused("the priority must be normal, priority or emergency");
        priority = *parsed;
    }
    const PlayAnswer answer = handler.play(*id->string(), priority);
    return answer.accepted ? accepted(answer.message) : refused(answer.message);
}

} // namespace

std::filesystem::path control_socket_path(const std::filesystem::path &home) {
    return home / "loa.sock";
}

std::string play_request(const std::string &announcement, Priority priority) {
    return "{\"command\":\"play\",\"id\":" + json::quoted(announcement) +
           ",\"priority\":" + json::quoted(to_string(priority)) + "}";
}

std::string status_request() {
    return "{\"command\":\"status\"}";
}

std::string reload_request() {
    return "{\"command\":\"reload\"}";
}

std::string answer_request(std::string_view line, ControlHandler &handler, const TimeZone &zone) {
    const auto request = json::Value::parse(line);
    const json::Value *command = request ? request->member("command") : nullptr;
    if (!command || !command->string())
        return refused(
            "not a loa control request; send one JSON object per line with a \"command\"");
    try {
        const std::string &name = *command->string();
        if (name == "play")
            return answer_play(*request, handler);
        if (name == "status")
            return "{\"ok\":true,\"status\":" + status_to_json(handler.status(), zone) + "}";
        if (name == "reload") {
            handler.reload();
            return accepted("the player is reading the active schedule again");
        }
        return refused("unknown command '" + name + "'; the player knows play, status and reload");
    } catch (const InputError &error) {
        return refused(error.what());
    } catch (const std::exception &error) {
        return failed(error.what());
    }
}

} // namespace loa::daemon
